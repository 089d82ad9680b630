package io.fineq.report;

import java.util.List;
import java.util.Locale;

/** Renders reports as an aligned text table, one section per tensor. */
public final class ReportTable {
    private ReportTable() {
    }

    public static String render(List<TensorReport> reports) {
        StringBuilder sb = new StringBuilder();
        for (TensorReport r : reports) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(String.format(Locale.ROOT, "tensor %s  %dx%d  array_cols=%d  T=%s  activations: %d tokens N(0,1), seed %d%n",
                    r.tensor(), r.rows(), r.cols(), r.arrayCols(), trim(r.threshold()), r.tokens(), r.seed()));
            int w = "method".length();
            for (MethodResult m : r.methods()) w = Math.max(w, m.method().length());
            String fmt = "%-" + w + "s  %9s  %12s  %9s  %14s%n";
            sb.append(String.format(Locale.ROOT, fmt, "method", "bits/w", "rel_mse", "sqnr_db", "rel_out_err"));
            for (MethodResult m : r.methods()) {
                sb.append(String.format(Locale.ROOT, fmt, m.method(),
                        String.format(Locale.ROOT, "%.4f", m.bitsPerWeight()),
                        String.format(Locale.ROOT, "%.6e", m.relMse()),
                        m.sqnrDb() == null ? "inf" : String.format(Locale.ROOT, "%.3f", m.sqnrDb()),
                        String.format(Locale.ROOT, "%.6e", m.relOutputError())));
            }
        }
        return sb.toString();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
