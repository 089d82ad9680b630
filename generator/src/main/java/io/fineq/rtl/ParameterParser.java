package io.fineq.rtl;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the command line's raw strings into values. null or blank means "not given" (Maven passes
 * {@code --rows=} for an unset property). A bad value becomes a {@link ConfigException} whose
 * one-line message names the parameter and its range.
 */
public final class ParameterParser {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private ParameterParser() {
    }

    public static boolean given(String raw) {
        return raw != null && !raw.isBlank();
    }

    /** An integer in lo..hi, or {@code fallback} when not given. Huge values are reported as out of range, not as overflow. */
    public static int integer(String name, String raw, int lo, int hi, int fallback) {
        if (!given(raw)) {
            return fallback;
        }
        String text = raw.trim();
        if (!INTEGER.matcher(text).matches()) {
            throw new ConfigException(name, "'" + text + "' is not an integer (range " + lo + ".." + hi + ")");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(lo)) < 0 || value.compareTo(BigInteger.valueOf(hi)) > 0) {
            throw new ConfigException(name, value + " is out of range " + lo + ".." + hi);
        }
        return value.intValueExact();
    }

    /** on/off, true/false, 1/0, yes/no (any case), or {@code fallback} when not given. */
    public static boolean onOff(String name, String raw, boolean fallback) {
        if (!given(raw)) {
            return fallback;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "1", "yes" -> true;
            case "off", "false", "0", "no" -> false;
            default -> throw new ConfigException(name, "'" + raw.trim() + "' is not one of on, off, true, false, 1, 0");
        };
    }
}
