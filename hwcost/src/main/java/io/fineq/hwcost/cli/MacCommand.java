package io.fineq.hwcost.cli;

import io.fineq.cli.PathArg;

import io.fineq.hwcost.UserError;
import io.fineq.hwcost.mac.MacArrayGenerator;
import io.fineq.rtl.FineqConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mac}: renders the systolic MAC baseline (the generator's {@code --core mac-systolic} modules) into {@code <out>/mac_systolic_RxC/}. */
@Command(name = "mac", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class, description = "Render the MAC baseline systolic array (Verilog-2005).")
public final class MacCommand implements Callable<Integer> {
    @Option(names = "--array", description = "R = C = N (1..1024); not with --rows/--cols") Integer array;
    @Option(names = "--rows", defaultValue = "64", description = "R, array rows (1..1024), default ${DEFAULT-VALUE}") int rows;
    @Option(names = "--cols", defaultValue = "64", description = "C, array columns (1..1024), default ${DEFAULT-VALUE}") int cols;
    @Option(names = "--act-width", defaultValue = "8", description = "ACT_W (2..16), default ${DEFAULT-VALUE}") int actWidth;
    @PathArg(PathArg.Kind.OUTPUT_FOLDER)
    @Option(names = "--out", defaultValue = "rtl-out", description = "output root, default ${DEFAULT-VALUE}") Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var parsed = spec.commandLine().getParseResult();
        if (array != null && (parsed.hasMatchedOption("--rows") || parsed.hasMatchedOption("--cols")))
            throw new UserError("--array sets rows and cols; give it or --rows/--cols, not both");
        FineqConfig cfg;
        try {
            cfg = array != null ? new FineqConfig(array, array, actWidth, true, 0) : new FineqConfig(rows, cols, actWidth, true, 0);
        } catch (io.fineq.rtl.ConfigException e) {
            String option = array != null && (e.parameter().equals("rows") || e.parameter().equals("cols")) ? "--array" : "--" + e.parameter();
            throw new UserError(e.forOption(option));
        }
        Path dir = new MacArrayGenerator().generate(cfg, out);
        System.out.println("wrote " + dir);
        return 0;
    }
}
