package io.fineq.hwcost.cli;

import io.fineq.hwcost.area.AreaTable;
import io.fineq.hwcost.area.ArrayAreaStudy;
import io.fineq.hwcost.area.CellLibrary;
import io.fineq.rtl.FineqConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code area}: Yosys area of the FineQ core and the MAC baseline per size, and their ratio. */
@Command(name = "area", mixinStandardHelpOptions = true,
        description = "Synthesise FineQ and the MAC baseline with Yosys; print areas (GE) and FineQ/MAC ratios.")
public final class AreaCommand implements Callable<Integer> {
    @Option(names = "--sizes", defaultValue = "8,16", description = "square array sizes, default ${DEFAULT-VALUE}") String sizes;
    @Option(names = "--act-width", defaultValue = "8", description = "ACT_W (2..16), default ${DEFAULT-VALUE}") int actWidth;
    @Option(names = "--liberty", description = "Liberty file to map to instead of the built-in fineq_generic.lib (also -Dliberty=...)") Path liberty;
    @Option(names = "--work", defaultValue = "build/hwcost-area", description = "work folder for RTL and Yosys runs, default ${DEFAULT-VALUE}") Path work;

    @Override
    public Integer call() throws Exception {
        CellLibrary lib = CellLibrary.select(liberty, work);
        List<ArrayAreaStudy.Result> results = new ArrayList<>();
        for (int n : Sizes.parse("--sizes", sizes)) {
            ArrayAreaStudy.Result r = new ArrayAreaStudy().run(new FineqConfig(n, n, actWidth, true, 0), lib, work);
            results.add(r);
            System.out.print(AreaTable.breakdown(r));
        }
        System.out.print(AreaTable.format(results));
        return 0;
    }
}
