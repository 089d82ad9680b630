package io.fineq.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A FineQ weight image: header, Kp per-channel scales and the packed 7-byte blocks in stream
 * order (spec section 4): {@code for kt: for mb: for c: block(column kt*C + c, rows 24mb..24mb+23)}.
 * Reading validates every size; writing goes to a temporary file that is then renamed.
 */
public final class FqwImage {
    public static final byte[] MAGIC = {'F', 'Q', 'W', '1'};
    public static final int BLOCK_BYTES = 7;
    /** No scalar coercion: a header number written as a string ("48") is an error, not 48. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
    /** Largest header we accept; real headers are a few hundred bytes. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private final FqwHeader header;
    private final float[] scales;
    private final byte[] blocks;

    public FqwImage(FqwHeader header, float[] scales, byte[] blocks) {
        String err = header.validationError();
        if (err != null) throw new IllegalArgumentException("invalid .fqw header: " + err);
        if (scales.length != header.paddedCols())
            throw new IllegalArgumentException("expected " + header.paddedCols() + " scales (padded_cols), got " + scales.length);
        if ((long) blocks.length != header.blockCount() * BLOCK_BYTES)
            throw new IllegalArgumentException("expected " + header.blockCount() * BLOCK_BYTES + " block bytes, got " + blocks.length);
        this.header = header;
        this.scales = scales;
        this.blocks = blocks;
    }

    public FqwHeader header() {
        return header;
    }

    /** The Kp channel scales (shared, do not modify). */
    public float[] scales() {
        return scales;
    }

    /** All block bytes in stream order (shared, do not modify). */
    public byte[] blocks() {
        return blocks;
    }

    /** Index of block (kt, mb, c) in stream order. */
    public long blockIndex(int kt, int mb, int c) {
        return ((long) kt * header.rowBlocks() + mb) * header.arrayCols() + c;
    }

    /** Offset in {@link #blocks()} of the block holding rows 24mb..24mb+23 of column kt*C + c. */
    public int blockOffset(int kt, int mb, int c) {
        return Math.toIntExact(blockIndex(kt, mb, c) * BLOCK_BYTES);
    }

    /** The 7 bytes of block (kt, mb, c) as the 56-bit number {byte6, ..., byte0}. */
    public long blockBits(int kt, int mb, int c) {
        int off = blockOffset(kt, mb, c);
        long v = 0;
        for (int i = BLOCK_BYTES - 1; i >= 0; i--) v = (v << 8) | (blocks[off + i] & 0xFF);
        return v;
    }

    // ------------------------------------------------------------------ reading

    public static FqwImage read(Path file) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new FqwFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new IOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(all, file.toString());
    }

    /** Parses an in-memory image; {@code name} is used in error messages. */
    public static FqwImage parse(byte[] all, String name) throws FqwFormatException {
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 8) throw new FqwFormatException(name + ": short header: " + all.length + " bytes, need at least 8 (magic + length)");
        byte[] magic = new byte[4];
        buf.get(magic);
        if (!Arrays.equals(magic, MAGIC))
            throw new FqwFormatException(name + ": wrong magic " + printable(magic) + ", expected FQW1");
        long n = Integer.toUnsignedLong(buf.getInt());
        if (n > MAX_HEADER_BYTES) throw new FqwFormatException(name + ": header length " + n + " out of range 1.." + MAX_HEADER_BYTES);
        if (n > buf.remaining()) throw new FqwFormatException(name + ": short header: JSON length " + n + " but only " + buf.remaining() + " bytes follow");
        byte[] json = new byte[(int) n];
        buf.get(json);
        FqwHeader h;
        try {
            h = JSON.readValue(json, FqwHeader.class);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new FqwFormatException(name + ": header field '" + field + "' has the wrong type (" + e.getOriginalMessage().split("\n")[0] + ")");
        } catch (IOException e) {
            throw new FqwFormatException(name + ": header JSON is not valid: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        for (String field : new String[] {"rows", "cols", "padded_rows", "padded_cols", "array_cols"}) {
            if (!new String(json, StandardCharsets.UTF_8).contains("\"" + field + "\""))
                throw new FqwFormatException(name + ": header field '" + field + "' is missing");
        }
        String err = h.validationError();
        if (err != null) throw new FqwFormatException(name + ": header field " + err);
        long scaleBytes = 4L * h.paddedCols();
        if (buf.remaining() < scaleBytes)
            throw new FqwFormatException(name + ": scales missing: need " + h.paddedCols() + " float32 scales (" + scaleBytes + " bytes), only " + buf.remaining() + " bytes left");
        float[] scales = new float[h.paddedCols()];
        buf.asFloatBuffer().get(scales);
        buf.position(buf.position() + (int) scaleBytes);
        long blockBytes = h.blockCount() * BLOCK_BYTES;
        if (buf.remaining() < blockBytes)
            throw new FqwFormatException(name + ": blocks missing: need " + h.blockCount() + " blocks (" + blockBytes + " bytes), only " + buf.remaining() + " bytes left");
        if (buf.remaining() > blockBytes)
            throw new FqwFormatException(name + ": " + (buf.remaining() - blockBytes) + " unexpected trailing bytes after the last block");
        if (blockBytes > Integer.MAX_VALUE - 8) throw new FqwFormatException(name + ": image too large (" + blockBytes + " block bytes)");
        byte[] blocks = new byte[(int) blockBytes];
        buf.get(blocks);
        for (int k = 0; k < scales.length; k++) {
            if (!Float.isFinite(scales[k]) || scales[k] <= 0)
                throw new FqwFormatException(name + ": scale of channel " + k + " is " + scales[k] + ", must be finite and > 0");
        }
        return new FqwImage(h, scales, blocks);
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(x >= 32 && x < 127 ? String.valueOf((char) x) : String.format("\\x%02x", x & 0xFF));
        return "'" + sb + "'";
    }

    // ------------------------------------------------------------------ writing

    /** The image as bytes, exactly as spec section 4 lays it out. */
    public byte[] toBytes() {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buf = ByteBuffer.allocate(8 + json.length + 4 * scales.length + blocks.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(json.length).put(json);
        for (float s : scales) buf.putFloat(s);
        buf.put(blocks);
        return buf.array();
    }

    /** Writes the image atomically (temporary file in the same folder, then rename). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> out.write(toBytes()));
    }

    /** Adds the image to {@code batch} (committed together with the batch's other outputs). */
    public void write(AtomicFiles.Batch batch, Path file) throws IOException {
        batch.write(file, out -> out.write(toBytes()));
    }

    /** Adds the {@code $readmemh} text form to {@code batch}. */
    public void writeHex(AtomicFiles.Batch batch, Path file) throws IOException {
        batch.writeText(file, this::writeHex);
    }

    /**
     * Writes the {@code $readmemh} text form: one block per line, 14 hex digits, byte 6 first.
     */
    public void writeHex(Path file) throws IOException {
        AtomicFiles.writeText(file, this::writeHex);
    }

    public void writeHex(Writer w) throws IOException {
        long count = header.blockCount();
        for (long i = 0; i < count; i++) {
            int off = Math.toIntExact(i * BLOCK_BYTES);
            StringBuilder line = new StringBuilder(15);
            for (int b = BLOCK_BYTES - 1; b >= 0; b--) line.append(String.format("%02x", blocks[off + b] & 0xFF));
            line.append('\n');
            w.write(line.toString());
        }
    }
}
