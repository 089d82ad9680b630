package io.fineq.rtl;

import java.util.Map;
import java.util.function.Function;

/**
 * The back ends known to {@code --backend}. To add one, put its factory into {@link #AVAILABLE};
 * names in {@link #RESERVED} are recognised but not part of this build.
 */
public final class RtlBackends {

    public static final String DEFAULT = VelocityBackend.NAME;

    /** Default first: messages list the back ends in this order. */
    private static final Map<String, Function<TemplateRenderer, RtlBackend>> AVAILABLE = new java.util.LinkedHashMap<>();

    static {
        AVAILABLE.put(VelocityBackend.NAME, VelocityBackend::new);
        AVAILABLE.put(ChiselRtlBackend.NAME, renderer -> new ChiselRtlBackend());
    }

    private static final java.util.Set<String> RESERVED = java.util.Set.of();

    private RtlBackends() {
    }

    /**
     * The back end called {@code name} (case-insensitive).
     *
     * @throws BackendUnavailableException for a reserved back end this build lacks
     * @throws ConfigException for an unknown name
     */
    public static RtlBackend byName(String name, TemplateRenderer renderer) {
        String key = name.trim().toLowerCase(java.util.Locale.ROOT);
        Function<TemplateRenderer, RtlBackend> factory = AVAILABLE.get(key);
        if (factory != null) {
            return factory.apply(renderer);
        }
        if (RESERVED.contains(key)) {
            throw new BackendUnavailableException(key);
        }
        throw new ConfigException("backend", "'" + name + "' is not one of " + String.join(", ", AVAILABLE.keySet())
                + (RESERVED.isEmpty() ? "" : " (reserved: " + String.join(", ", new java.util.TreeSet<>(RESERVED)) + ")"));
    }

    /** A known back end that is not part of this build. */
    public static final class BackendUnavailableException extends RuntimeException implements io.fineq.cli.CliConventions.InputError {
        private static final long serialVersionUID = 1L;

        BackendUnavailableException(String name) {
            super("backend " + name + " is not available in this build (available: "
                    + String.join(", ", AVAILABLE.keySet()) + ")");
        }
    }
}
