package io.fineq.hwcost.netlist;

import io.fineq.hwcost.liberty.CellRoles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces constant connections by nets driven from the library's tie cells (one tie-low and one
 * tie-high cell per module that needs it), as physical flows do. Besides being what a netlist for
 * placement needs, it matters to the Debian OpenSTA (2.0.17): its power analysis crashes on a
 * constant wired into a submodule's input port.
 */
public final class TieCells {
    private TieCells() {
    }

    /** Returns the number of tie cells added (per module definition). */
    public static int apply(Netlist n, CellRoles roles) {
        Optional<CellRoles.Tie> lo = roles.tie(false);
        Optional<CellRoles.Tie> hi = roles.tie(true);
        if (lo.isEmpty() || hi.isEmpty()) return 0;
        int added = 0;
        for (Netlist.Module m : n.modules().values()) {
            int[] tie = {-1, -1};
            for (Netlist.Cell c : m.cells().toArray(new Netlist.Cell[0])) {
                for (int[] bits : c.connections().values()) {
                    for (int i = 0; i < bits.length; i++) {
                        if (bits[i] >= 0) continue;
                        int which = bits[i] == Netlist.ONE ? 1 : 0;
                        if (tie[which] < 0) {
                            tie[which] = m.newNet();
                            CellRoles.Tie t = which == 1 ? hi.get() : lo.get();
                            Map<String, int[]> conns = new LinkedHashMap<>();
                            conns.put(t.pin(), new int[] {tie[which]});
                            m.cells().add(new Netlist.Cell(which == 1 ? "tie_hi" : "tie_lo", t.cell().name(), true, conns));
                            added++;
                        }
                        bits[i] = tie[which];
                    }
                }
            }
        }
        return added;
    }
}
