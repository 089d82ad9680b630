package io.fineq.hwcost.ppa;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.liberty.CellRoles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Yosys part of the PPA flow, written as files a user can rerun by hand
 * ({@code yosys -s synth_ppa.ys} in the work folder):
 * <ol>
 * <li>{@code cells.v}: the technology primitives mapped onto library cells: {@code fineq_clock_gate}
 *     becomes the library's integrated clock gate (its RTL description is not read);</li>
 * <li>{@code map.v}: techmap rules for Yosys' full adders ({@code $fa}, found by {@code extract_fa}
 *     in the carry-save trees) and latches ({@code $_DLATCH_P_}) onto library cells;</li>
 * <li>{@code abc.constr}: driving cell and load, which make ABC buffer and size what it maps;</li>
 * <li>{@code synth_ppa.ys}: {@code synth} with the hierarchy kept (each module synthesised once,
 *     however many instances), {@code extract_fa}, the techmap, {@code dfflibmap}, {@code abc -D}
 *     at the clock period, {@code stat -liberty} and {@code write_json}.</li>
 * </ol>
 */
public final class SynthesisScript {
    public static final String SCRIPT = "synth_ppa.ys";
    public static final String NETLIST_JSON = "netlist.json";
    public static final String STAT = "stat.txt";

    private SynthesisScript() {
    }

    /**
     * @param rtl        Verilog files to read, in order (without the primitives that cells.v replaces)
     * @param logicLib   the Liberty text Yosys and ABC map onto (already written to this path)
     * @param periodNs   clock period: ABC's delay target
     * @param capUnitFf  fF per capacitance unit of the library (for abc.constr's load)
     */
    public static Path write(Path dir, List<Path> rtl, String top, CellRoles roles, Path logicLib, double periodNs, double capUnitFf)
            throws IOException {
        return write(dir, rtl, top, roles, logicLib, null, periodNs, capUnitFf);
    }

    /**
     * As above, with the design's memory macros ({@code macroLib}, null: none) read as black boxes
     * and counted in the area statistics.
     */
    public static Path write(Path dir, List<Path> rtl, String top, CellRoles roles, Path logicLib, Path macroLib, double periodNs,
                             double capUnitFf) throws IOException {
        Files.createDirectories(dir);
        CellRoles.ClockGate icg = roles.clockGate();
        String enable = icg.test() == null ? "en_i[i] | test_en_i" : "en_i[i]";
        StringBuilder cells = new StringBuilder();
        cells.append("// Technology primitives of the FineQ RTL mapped onto ").append(roles.library().name()).append(" cells.\n");
        // fineq_clock_gate is a bank of N gates (N = 1 but for the PE rows' bank): one cell each.
        cells.append("module fineq_clock_gate #(parameter integer N = 1) (input wire clk_i, input wire [N-1:0] en_i, input wire test_en_i,"
                + " output wire [N-1:0] clk_o);\n");
        cells.append("  genvar i;\n  generate for (i = 0; i < N; i = i + 1) begin : g_icg\n");
        cells.append("    ").append(icg.cell().name()).append(" u_icg (.").append(icg.clock()).append("(clk_i), .")
                .append(icg.enable()).append('(').append(enable).append(')');
        if (icg.test() != null) cells.append(", .").append(icg.test()).append("(test_en_i)");
        cells.append(", .").append(icg.out()).append("(clk_o[i]));\n");
        cells.append("  end endgenerate\n");
        if (icg.test() == null) cells.append("  // ").append(icg.cell().name()).append(" has no test-enable pin: it is ORed into the enable.\n");
        cells.append("endmodule\n");
        AtomicFiles.writeString(dir.resolve("cells.v"), cells.toString());

        CellRoles.Latch latch = roles.latch();
        StringBuilder map = new StringBuilder();
        map.append("// Techmap rules onto ").append(roles.library().name()).append(" cells.\n");
        var fa = roles.fullAdder();
        if (fa.isPresent()) {
            CellRoles.FullAdder f = fa.get();
            map.append("(* techmap_celltype = \"$fa\" *)\n")
                    .append("module _fineq_fa (A, B, C, X, Y);\n  parameter WIDTH = 1;\n")
                    .append("  input [WIDTH-1:0] A, B, C;\n  output [WIDTH-1:0] X, Y;\n  genvar i;\n")
                    .append("  generate for (i = 0; i < WIDTH; i = i + 1) begin : g\n")
                    .append("    ").append(f.cell().name()).append(" u (.").append(f.a()).append("(A[i]), .").append(f.b()).append("(B[i]), .")
                    .append(f.ci()).append("(C[i]), .").append(f.carry()).append("(X[i]), .").append(f.sum()).append("(Y[i]));\n")
                    .append("  end endgenerate\nendmodule\n");
        }
        map.append("(* techmap_celltype = \"$_DLATCH_P_\" *)\n")
                .append("module _fineq_dlatch_p (E, D, Q);\n  input E, D;\n  output Q;\n")
                .append("  ").append(latch.cell().name()).append(" _TECHMAP_REPLACE_ (.").append(latch.enable()).append("(E), .")
                .append(latch.data()).append("(D), .").append(latch.q()).append("(Q));\nendmodule\n");
        map.append("(* techmap_celltype = \"$_DLATCH_N_\" *)\n")
                .append("module _fineq_dlatch_n (E, D, Q);\n  input E, D;\n  output Q;\n")
                .append("  ").append(latch.cell().name()).append(" _TECHMAP_REPLACE_ (.").append(latch.enable()).append("(~E), .")
                .append(latch.data()).append("(D), .").append(latch.q()).append("(Q));\nendmodule\n");
        AtomicFiles.writeString(dir.resolve("map.v"), map.toString());

        CellRoles.Buffer drive = roles.buffers().get(0);
        AtomicFiles.writeString(dir.resolve("abc.constr"), "set_driving_cell " + drive.cell().name() + "\nset_load "
                + String.format(Locale.ROOT, "%.6g", outputLoadFf(roles) / capUnitFf) + "\n");

        StringBuilder ys = new StringBuilder();
        ys.append("# Generated by io.fineq.hwcost.ppa.SynthesisScript: ").append(top).append(" onto ").append(roles.library().name())
                .append(String.format(Locale.ROOT, " at %.3f ns.%n", periodNs));
        ys.append("read_liberty -lib ").append(quote(logicLib)).append('\n');
        if (macroLib != null) ys.append("read_liberty -lib ").append(quote(macroLib)).append('\n');
        StringBuilder read = new StringBuilder("read_verilog");
        for (Path p : rtl) read.append(' ').append(quote(p));
        read.append(" cells.v");
        ys.append(read).append('\n');
        ys.append("hierarchy -check -top ").append(top).append('\n');
        ys.append("synth -top ").append(top).append('\n');
        if (fa.isPresent()) ys.append("extract_fa -fa\n");
        ys.append("techmap -map map.v\n");
        ys.append("dfflibmap -liberty ").append(quote(logicLib)).append('\n');
        ys.append(String.format(Locale.ROOT, "abc -D %d -constr abc.constr -liberty %s%n", Math.round(periodNs * 1000), quote(logicLib)));
        ys.append("opt_clean\n");
        ys.append("check -assert\n");
        ys.append("tee -q -o ").append(STAT).append(" stat -liberty ").append(quote(logicLib));
        if (macroLib != null) ys.append(" -liberty ").append(quote(macroLib));
        ys.append(" -top ").append(top).append('\n');
        ys.append("write_json ").append(NETLIST_JSON).append('\n');
        Path script = dir.resolve(SCRIPT);
        AtomicFiles.writeString(script, ys.toString());
        return script;
    }

    /** Load on every top-level output (fF): four inputs of the library's smallest buffer. */
    public static double outputLoadFf(CellRoles roles) {
        return 4 * roles.buffers().get(0).inputCapFf();
    }

    private static String quote(Path p) {
        String s = p.toAbsolutePath().toString();
        return s.contains(" ") ? "\"" + s + "\"" : s;
    }
}
