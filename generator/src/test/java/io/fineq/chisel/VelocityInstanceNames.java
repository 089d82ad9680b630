package io.fineq.chisel;

import io.fineq.rtl.FineqConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs the instances of the two implementations by name before flattening. The Velocity RTL
 * instantiates in generate loops (Yosys names the cells {@code g_row[r].u_pe}); Chisel has no
 * generate blocks and names them {@code u_pe_<r>}. Renaming the Velocity cells makes the flattened
 * register names equal ({@code u_array.u_acc_1.acc_q} on both sides), which is how
 * {@code equiv_make} pairs the data registers that have no reset.
 */
final class VelocityInstanceNames {

    private VelocityInstanceNames() {
    }

    /** Yosys commands renaming the cells of fineq_array (and fineq_core when {@code withCore}). */
    static List<String> renames(FineqConfig cfg, boolean withCore) {
        List<String> cmds = new ArrayList<>();
        cmds.add("cd fineq_array");
        for (int r = 0; r < cfg.rows(); r++) {
            cmds.add("rename g_row[" + r + "].u_pe u_pe_" + r);
            cmds.add("rename g_row[" + r + "].u_acc u_acc_" + r);
        }
        for (int c = 0; c < cfg.cols(); c++) {
            cmds.add("rename g_enc[" + c + "].u_enc u_enc_" + c);
        }
        cmds.add("cd");
        if (withCore) {
            cmds.add("cd fineq_core");
            for (int c = 0; c < cfg.cols(); c++) {
                cmds.add("rename g_dec[" + c + "].u_dec u_dec_" + c);
            }
            cmds.add("cd");
        }
        return cmds;
    }
}
