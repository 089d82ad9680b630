package io.fineq.hwcost.ppa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * One design the PPA flow measures: the FineQ core ({@link FineqPpaDesign}) or the MAC baseline
 * ({@link MacPpaDesign}). It writes its RTL and SDC, names its blocks, and simulates a real job
 * for switching activity.
 */
public interface PpaDesign {

    /** Folder and report name, e.g. {@code fineq_64x64}. */
    String name();

    String top();

    /**
     * Writes the RTL into {@code dir}; returns the files Yosys reads, in order, without the
     * technology primitives the flow maps onto library cells (fineq_clock_gate).
     */
    List<Path> writeRtl(Path dir) throws IOException;

    /** Writes the design's SDC at {@code clockMhz} into {@code dir}; returns its path. */
    Path writeSdc(Path dir, int clockMhz) throws IOException;

    /** Block category of a module (PEs, encoders, ...), or null to inherit the parent's. */
    Function<String, String> categories();

    /** Category of the top module's own cells. */
    String topCategory();

    /** Categories that make up the PE array the paper reports (the rest is decoders and core control). */
    List<String> arrayCategories();

    /** Number of PEs, for the per-PE area. */
    long peCount();

    /**
     * Simulates a real quantized job, checks its results against the golden model and returns the
     * measured switching activity; throws when a simulator it needs is missing.
     */
    SwitchingActivity simulate(Path work) throws IOException;

    /**
     * The design's memories, which the flow maps onto the macro cells of
     * {@link io.fineq.hwcost.sram.SramLibrary} (its {@code writeRtl} leaves {@code fineq_sram} out); none for a bare core.
     */
    default List<io.fineq.rtl.AccelConfig.Memory> memories() {
        return List.of();
    }

    /** How {@link #simulate} measures toggles, for progress lines and reports. */
    default String activitySource() {
        return "Verilator, toggle coverage";
    }
}
