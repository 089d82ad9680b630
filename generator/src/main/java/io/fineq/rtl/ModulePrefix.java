package io.fineq.rtl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Module names per configuration, so that several configurations (and both back ends) can live in
 * one design: every module {@code fineq_<m>} becomes {@code <prefix><m>}, in the Verilog, the file
 * names, the filelist, the synthesis scripts and the FuseSoC core. The default prefix is derived
 * from everything that changes the RTL ({@link #derived}); {@code --prefix} overrides it, and
 * {@link #STANDARD} gives the plain names that the project's own flows (Verilator regressions, PPA
 * flow, equivalence proofs) use internally.
 */
public final class ModulePrefix {
    public static final String STANDARD = "fineq_";
    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");
    /** Any core's module: {@code fineq_<m>} or, for the systolic baseline, {@code mac_<m>}. */
    private static final Pattern MODULE = Pattern.compile("\\b(?:fineq_|mac_)(" + String.join("|",
            ModuleSet.ALL_MODULES.stream().map(m -> m.substring(m.indexOf('_') + 1)).distinct().toList()) + ")\\b");

    private ModulePrefix() {
    }

    /**
     * {@code fineq_<R>x<C>_}, plus {@code a<ACT_W>_} (ACT_W != 8), {@code nt_} (termination off),
     * {@code p<P>_} (P != 0) and {@code chisel_} (Chisel back end): distinct configurations never
     * share a module name; the default configuration reads {@code fineq_64x64_core}.
     */
    public static String derived(FineqConfig cfg, String backend) {
        StringBuilder sb = new StringBuilder(cfg.name()).append('_');
        if (cfg.actWidth() != 8) sb.append('a').append(cfg.actWidth()).append('_');
        if (!cfg.termination()) sb.append("nt_");
        if (cfg.adderPipeline() != 0) sb.append('p').append(cfg.adderPipeline()).append('_');
        if (!backend.equals(VelocityBackend.NAME)) sb.append(backend).append('_');
        return sb.toString();
    }

    /** A prefix must make Verilog identifiers: a letter or _, then letters, digits or _, 1..40 characters. */
    public static String validate(String prefix) {
        if (!VALID.matcher(prefix).matches()) {
            throw new ConfigException("prefix", "'" + prefix + "' is not the start of a Verilog identifier ([A-Za-z_][A-Za-z0-9_]*, 1..40 characters)");
        }
        return prefix;
    }

    /** The module name {@code module} (e.g. fineq_core) under {@code prefix}. */
    public static String rename(String module, String prefix) {
        return MODULE.matcher(module).replaceAll(Matcher.quoteReplacement(prefix) + "$1");
    }

    /** Renames every module of {@code files} (file names and contents) to {@code prefix}. */
    public static List<GeneratedFile> apply(List<GeneratedFile> files, String prefix) {
        validate(prefix);
        if (prefix.equals(STANDARD)) return files;
        List<GeneratedFile> out = new ArrayList<>(files.size());
        for (GeneratedFile f : files) {
            String text = new String(f.content(), StandardCharsets.UTF_8);
            out.add(GeneratedFile.utf8(rename(f.name(), prefix), rename(text, prefix)));
        }
        return out;
    }
}
