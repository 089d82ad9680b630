package io.fineq.hwcost.cli;

import io.fineq.hwcost.mac.MacArrayGenerator;
import io.fineq.rtl.FineqConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mac}: renders the MAC baseline array into {@code <out>/mac_RxC/}. */
@Command(name = "mac", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class, description = "Render the MAC baseline systolic array (Verilog-2005).")
public final class MacCommand implements Callable<Integer> {
    @Option(names = "--array", description = "R = C = N (1..1024); overrides --rows/--cols") Integer array;
    @Option(names = "--rows", defaultValue = "64", description = "R, array rows (1..1024), default ${DEFAULT-VALUE}") int rows;
    @Option(names = "--cols", defaultValue = "64", description = "C, array columns (1..1024), default ${DEFAULT-VALUE}") int cols;
    @Option(names = "--act-width", defaultValue = "8", description = "ACT_W (2..16), default ${DEFAULT-VALUE}") int actWidth;
    @Option(names = "--out", defaultValue = "rtl-out", description = "output root, default ${DEFAULT-VALUE}") Path out;

    @Override
    public Integer call() throws Exception {
        FineqConfig cfg = array != null
                ? new FineqConfig(array, array, actWidth, true, 0)
                : new FineqConfig(rows, cols, actWidth, true, 0);
        Path dir = new MacArrayGenerator().generate(cfg, out);
        System.out.println("wrote " + dir);
        return 0;
    }
}
