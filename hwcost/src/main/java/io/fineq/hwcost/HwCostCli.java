package io.fineq.hwcost;

import io.fineq.hwcost.cli.AreaCommand;
import io.fineq.hwcost.cli.MacCommand;
import io.fineq.hwcost.cli.PerfCommand;
import io.fineq.hwcost.cli.PpaCommand;
import io.fineq.hwcost.cli.ReportCommand;
import io.fineq.hwcost.cli.SweepCommand;
import io.fineq.rtl.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of fineq-hwcost.jar: MAC baseline RTL, Yosys area, performance/energy models, report. */
@Command(name = "fineq-hwcost", mixinStandardHelpOptions = true, version = "fineq-hwcost 0.1.0",
        description = "FineQ hardware cost: MAC baseline array, PPA flow (area, timing, power), cycle and energy models, HTML report.",
        subcommands = {MacCommand.class, AreaCommand.class, PpaCommand.class, SweepCommand.class, PerfCommand.class, ReportCommand.class})
public final class HwCostCli implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; errors print one line, never a stack trace. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new HwCostCli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            String msg = ex instanceof ConfigException || ex instanceof UserError
                    ? ex.getMessage()
                    : ex.getClass().getSimpleName() + ": " + ex.getMessage();
            cmd.getErr().println("error: " + msg);
            return 2;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage() + " (see --help)");
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
