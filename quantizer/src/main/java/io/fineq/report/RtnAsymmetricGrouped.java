package io.fineq.report;

/**
 * {@link RtnAsymmetric} applied to consecutive groups of {@code group} weights of a row (the last
 * group may be shorter), each with its own scale and zero point, as GPTQ-style "g128" baselines
 * are defined. Storage: {@code b + (32 + b) / group} bits per weight.
 */
public final class RtnAsymmetricGrouped implements ApproximationMethod {
    private final int bits;
    private final int cols;
    private final int group;

    public RtnAsymmetricGrouped(int bits, int cols, int group) {
        if (group < 1) throw new IllegalArgumentException("group must be >= 1, got " + group);
        this.bits = bits;
        this.cols = cols;
        this.group = group;
    }

    @Override
    public String name() {
        return "rtn" + bits + "-asym-g" + group;
    }

    @Override
    public double bitsPerWeight() {
        return bits + (32.0 + bits) / Math.min(group, cols);
    }

    @Override
    public void approximateRow(int r, float[] w, double[] out) {
        for (int start = 0; start < cols; start += group) {
            int len = Math.min(group, cols - start);
            float[] slice = java.util.Arrays.copyOfRange(w, start, start + len);
            double[] o = new double[len];
            new RtnAsymmetric(bits, len).approximateRow(r, slice, o);
            System.arraycopy(o, 0, out, start, len);
        }
    }
}
