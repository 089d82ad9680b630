package io.fineq.rtl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One output file of a generated module set: its name inside {@code fineq_<R>x<C>/} and its bytes. */
public record GeneratedFile(String name, byte[] content) {

    public static GeneratedFile utf8(String name, String text) {
        return new GeneratedFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public int size() {
        return content.length;
    }

    /** Lower-case hex SHA-256 of the content. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
