package io.fineq.tb;

/** One Verilog source handed to Verilator: file name and exact bytes (both part of the build-cache key). */
public record SourceFile(String name, byte[] content) {
    public SourceFile {
        if (!name.matches("[A-Za-z0-9_.-]+")) throw new IllegalArgumentException("source file name must be a plain file name, got " + name);
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
