package io.fineq.tensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file: u64 little-endian header length N, N bytes of JSON
 * ({@code name -> {dtype, shape, data_offsets}}, optional {@code __metadata__}), then the data.
 * Opening reads and validates only the header; {@link #tensor(String)} memory-maps one tensor's
 * rows. Entries keep the header's order.
 */
public final class SafetensorsFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    /** One header entry. {@code dtype} is the file's name for the type (F32, F16, BF16, I64, ...). */
    public record Entry(String name, String dtype, long[] shape, long begin, long end) {
        public boolean isMatrix() {
            return shape.length == 2;
        }

        public String shapeText() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : "x").append(shape[i]);
            return shape.length == 0 ? "scalar" : sb.toString();
        }
    }

    private final Path file;
    private final long dataStart;
    private final List<Entry> entries;

    private SafetensorsFile(Path file, long dataStart, List<Entry> entries) {
        this.file = file;
        this.dataStart = dataStart;
        this.entries = entries;
    }

    public static SafetensorsFile open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) throw new TensorFormatException(file + ": not a safetensors file (only " + size + " bytes, need the 8-byte header length)");
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(lenBuf, 0);
            long n = lenBuf.getLong(0);
            if (n < 2 || n > MAX_HEADER || 8 + n > size)
                throw new TensorFormatException(file + ": safetensors header length " + n + " out of range 2.." + Math.min(MAX_HEADER, size - 8));
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            ch.read(hb, 8);
            JsonNode root;
            try {
                root = JSON.readTree(hb.array());
            } catch (IOException e) {
                throw new TensorFormatException(file + ": safetensors header is not valid JSON");
            }
            if (root == null || !root.isObject()) throw new TensorFormatException(file + ": safetensors header is not a JSON object");
            long dataStart = 8 + n;
            long dataSize = size - dataStart;
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<String, JsonNode> f : root.properties()) {
                if (f.getKey().equals("__metadata__")) continue;
                entries.add(parseEntry(file, f.getKey(), f.getValue(), dataSize));
            }
            checkIndexedBuffer(file, entries, dataSize);
            return new SafetensorsFile(file, dataStart, Collections.unmodifiableList(entries));
        } catch (NoSuchFileException e) {
            throw new TensorFormatException(file + ": no such file");
        }
    }

    /**
     * The safetensors rule: the tensors' byte ranges tile the data buffer exactly, without overlap
     * and without holes. An overlap would make two tensors share bytes; a hole hides unindexed data.
     */
    private static void checkIndexedBuffer(Path file, List<Entry> entries, long dataSize) throws TensorFormatException {
        List<Entry> byStart = new ArrayList<>(entries);
        byStart.sort(java.util.Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long pos = 0;
        Entry prev = null;
        for (Entry e : byStart) {
            if (e.begin() < pos)
                throw new TensorFormatException(file + ": tensor '" + e.name() + "' data_offsets [" + e.begin() + ", " + e.end()
                        + "] overlap tensor '" + prev.name() + "' [" + prev.begin() + ", " + prev.end() + "]");
            if (e.begin() > pos)
                throw new TensorFormatException(file + ": bytes " + pos + ".." + e.begin() + " of the data buffer belong to no tensor (before tensor '"
                        + e.name() + "'); safetensors data must be fully indexed");
            pos = e.end();
            prev = e;
        }
        if (pos != dataSize)
            throw new TensorFormatException(file + ": bytes " + pos + ".." + dataSize + " of the data buffer belong to no tensor; safetensors data must be fully indexed");
    }

    private static Entry parseEntry(Path file, String name, JsonNode v, long dataSize) throws TensorFormatException {
        String where = file + ": tensor '" + name + "'";
        JsonNode dt = v.get("dtype");
        JsonNode sh = v.get("shape");
        JsonNode off = v.get("data_offsets");
        if (dt == null || !dt.isTextual()) throw new TensorFormatException(where + ": field 'dtype' missing");
        if (sh == null || !sh.isArray()) throw new TensorFormatException(where + ": field 'shape' missing");
        if (off == null || !off.isArray() || off.size() != 2 || !off.get(0).canConvertToLong() || !off.get(1).canConvertToLong())
            throw new TensorFormatException(where + ": field 'data_offsets' must be [begin, end]");
        long[] shape = new long[sh.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!sh.get(i).canConvertToLong() || sh.get(i).asLong() < 0) throw new TensorFormatException(where + ": shape entries must be integers >= 0");
            shape[i] = sh.get(i).asLong();
            count = Math.multiplyExact(count, shape[i]);
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin || end > dataSize)
            throw new TensorFormatException(where + ": data_offsets [" + begin + ", " + end + "] out of range 0.." + dataSize + " (file truncated?)");
        DType d = DType.fromSafetensors(dt.asText());
        if (d != null && end - begin != count * d.bytes())
            throw new TensorFormatException(where + ": data_offsets span " + (end - begin) + " bytes, shape " + java.util.Arrays.toString(shape)
                    + " of " + d.safetensorsName() + " needs " + count * d.bytes());
        return new Entry(name, dt.asText(), shape, begin, end);
    }

    public Path file() {
        return file;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The 2-D entries, header order. */
    public List<Entry> matrices() {
        return entries.stream().filter(Entry::isMatrix).toList();
    }

    public Entry entry(String name) {
        for (Entry e : entries) if (e.name().equals(name)) return e;
        return null;
    }

    /** Memory-maps the 2-D tensor {@code name}. */
    public MappedTensor tensor(String name) throws IOException {
        Entry e = entry(name);
        if (e == null) {
            List<String> names = matrices().stream().map(Entry::name).toList();
            String list = names.size() <= 8 ? String.join(", ", names) : String.join(", ", names.subList(0, 8)) + ", ... (" + names.size() + " in all)";
            throw new TensorFormatException(file + ": no tensor named '" + name + "' (2-D tensors: " + (names.isEmpty() ? "none" : list) + ")");
        }
        String where = file + ": tensor '" + name + "'";
        if (!e.isMatrix()) throw new TensorFormatException(where + " has shape " + e.shapeText() + ", expected a 2-D weight matrix");
        DType d = DType.fromSafetensors(e.dtype());
        if (d == null) throw new TensorFormatException(where + " has unsupported dtype " + e.dtype() + " (supported: F32, F16, BF16)");
        if (e.shape()[0] < 1 || e.shape()[1] < 1 || e.shape()[0] > Integer.MAX_VALUE || e.shape()[1] > Integer.MAX_VALUE)
            throw new TensorFormatException(where + " has shape " + e.shapeText() + "; rows and cols must be 1.." + Integer.MAX_VALUE);
        int rows = (int) e.shape()[0];
        int cols = (int) e.shape()[1];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new MappedTensor(name, rows, cols, d, new MappedRows(ch, file.toString(), dataStart + e.begin(), rows, cols, d));
        }
    }
}
