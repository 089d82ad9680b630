package io.fineq.tensor;

import java.nio.ByteBuffer;

/** The element types the readers accept: little-endian float32, float16 and bfloat16. */
public enum DType {
    F32(4, "<f4", "F32"),
    F16(2, "<f2", "F16"),
    BF16(2, null, "BF16");

    private final int bytes;
    private final String npyDescr;
    private final String safetensorsName;

    DType(int bytes, String npyDescr, String safetensorsName) {
        this.bytes = bytes;
        this.npyDescr = npyDescr;
        this.safetensorsName = safetensorsName;
    }

    public int bytes() {
        return bytes;
    }

    /** The numpy {@code descr} string, or null when .npy cannot hold it. */
    public String npyDescr() {
        return npyDescr;
    }

    public String safetensorsName() {
        return safetensorsName;
    }

    public static DType fromSafetensors(String name) {
        for (DType d : values()) if (d.safetensorsName.equals(name)) return d;
        return null;
    }

    public static DType fromNpy(String descr) {
        for (DType d : values()) if (descr.equals(d.npyDescr)) return d;
        return null;
    }

    /** Writes {@code v} in this type, little endian, at the buffer's position. */
    public void write(ByteBuffer b, float v) {
        switch (this) {
            case F32 -> b.putFloat(v);
            case F16 -> b.putShort((short) HalfFloats.floatToHalf(v));
            case BF16 -> b.putShort((short) HalfFloats.floatToBf16(v));
        }
    }
}
