package io.fineq.tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 2-D {@code .npy} array (format versions 1-3) of little-endian float32 ({@code <f4})
 * or float16 ({@code <f2}) in C order. The data is memory-mapped, not copied. The tensor is named
 * after the file stem.
 */
public final class NpyFile {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {
    }

    public static MappedTensor open(Path file) throws IOException {
        String name = stem(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(pre, 0);
            pre.flip();
            if (pre.remaining() < 10) throw new TensorFormatException(file + ": not a .npy file (only " + size + " bytes)");
            byte[] magic = new byte[6];
            pre.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw new TensorFormatException(file + ": not a .npy file (magic is not \\x93NUMPY)");
            int major = pre.get() & 0xFF;
            pre.get();
            long headerLen;
            int prefix;
            if (major == 1) {
                headerLen = pre.getShort() & 0xFFFF;
                prefix = 10;
            } else if (major == 2 || major == 3) {
                if (pre.remaining() < 4) throw new TensorFormatException(file + ": short .npy header");
                headerLen = Integer.toUnsignedLong(pre.getInt());
                prefix = 12;
            } else {
                throw new TensorFormatException(file + ": unsupported .npy format version " + major + " (supported: 1, 2, 3)");
            }
            if (prefix + headerLen > size || headerLen > (1 << 20))
                throw new TensorFormatException(file + ": short .npy header: " + headerLen + " header bytes announced, file has " + size);
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            ch.read(hb, prefix);
            String header = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            String descr = find(DESCR, header, file, "descr");
            DType dtype = DType.fromNpy(descr);
            if (dtype == null)
                throw new TensorFormatException(file + ": unsupported dtype '" + descr + "' (supported: '<f4' float32, '<f2' float16, little endian)");
            if (find(FORTRAN, header, file, "fortran_order").equals("True"))
                throw new TensorFormatException(file + ": fortran_order is True; only C-order arrays are supported (np.ascontiguousarray)");
            long[] shape = parseShape(find(SHAPE, header, file, "shape"), file);
            if (shape.length != 2)
                throw new TensorFormatException(file + ": shape has " + shape.length + " dimensions, expected a 2-D weight matrix (rows, cols)");
            if (shape[0] < 1 || shape[1] < 1 || shape[0] > Integer.MAX_VALUE || shape[1] > Integer.MAX_VALUE)
                throw new TensorFormatException(file + ": shape (" + shape[0] + ", " + shape[1] + ") out of range: rows and cols must be 1.." + Integer.MAX_VALUE);
            long dataOffset = prefix + headerLen;
            long need = shape[0] * shape[1] * dtype.bytes();
            if (size - dataOffset < need)
                throw new TensorFormatException(file + ": truncated: shape (" + shape[0] + ", " + shape[1] + ") of " + descr
                        + " needs " + need + " data bytes, file holds " + (size - dataOffset));
            MappedRows rows = new MappedRows(ch, file.toString(), dataOffset, (int) shape[0], (int) shape[1], dtype);
            return new MappedTensor(name, (int) shape[0], (int) shape[1], dtype, rows);
        } catch (NoSuchFileException e) {
            throw new TensorFormatException(file + ": no such file");
        }
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String find(Pattern p, String header, Path file, String key) throws TensorFormatException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new TensorFormatException(file + ": .npy header has no valid '" + key + "' entry");
        return m.group(1);
    }

    private static long[] parseShape(String s, Path file) throws TensorFormatException {
        String[] parts = s.split(",");
        int n = 0;
        long[] out = new long[parts.length];
        for (String p : parts) {
            String t = p.trim();
            if (t.endsWith("L")) t = t.substring(0, t.length() - 1);
            if (t.isEmpty()) continue;
            try {
                out[n++] = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new TensorFormatException(file + ": .npy shape '(" + s + ")' is not a tuple of integers");
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
