package io.fineq.hwcost.cli;

import picocli.CommandLine.Command;

/**
 * {@code area}: the PPA flow without the activity simulation: cell area per block and per PE,
 * timing and design rules of the FineQ core and the MAC baseline (same options as {@code ppa}).
 */
@Command(name = "area", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class, sortOptions = false,
        description = {"Cell area per block, timing and design rules of the FineQ core and the MAC baseline in a Liberty library:",
                "the ppa command without the activity simulation and power."})
public final class AreaCommand extends PpaCommand {
    @Override
    protected boolean power() {
        return false;
    }
}
