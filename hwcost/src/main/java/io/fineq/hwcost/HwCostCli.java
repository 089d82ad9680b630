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
@Command(name = "fineq-hwcost", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class,
        description = "FineQ hardware cost: MAC baseline array, PPA flow (area, timing, power), cycle and energy models, HTML report.",
        subcommands = {MacCommand.class, AreaCommand.class, PpaCommand.class, SweepCommand.class, PerfCommand.class, ReportCommand.class, io.fineq.hwcost.cli.AccelEnergyCommand.class,
                io.fineq.hwcost.cli.AccelPpaCommand.class})
public final class HwCostCli implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; errors follow io.fineq.cli.CliConventions. */
    public static int run(String... args) {
        CommandLine cl = io.fineq.cli.CliConventions.configure(new CommandLine(new HwCostCli()),
                new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true));
        return io.fineq.cli.CliConventions.execute(cl, args);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw io.fineq.cli.CliConventions.subcommandRequired(spec.commandLine());
    }
}
