package io.fineq.tensor;

/** Hand-built input files for tests in other packages. */
public final class NpyFileTestBytes {
    private NpyFileTestBytes() {
    }

    public static byte[] npy(String dict, byte[] data) {
        return NpyFileTest.npy(dict, data);
    }

    public static byte[] safetensors(String json, byte[] data) {
        return SafetensorsFileTest.file(json, data);
    }
}
