package io.fineq.tensor;

import java.util.Random;

/**
 * Seeded synthetic weights, generated row by row (any row can be read at any time, from any
 * thread, and is always the same), so arbitrarily large tensors need no memory.
 *
 * <ul>
 *   <li>{@code gaussian}: N(0, 0.02^2) i.i.d.</li>
 *   <li>{@code student-t}: Student's t with 3 degrees of freedom, scaled to std 0.02 (heavy tails).</li>
 *   <li>{@code llama-like}: Student's t with 4 degrees of freedom, std 0.02, and 1 % of the input
 *       channels (columns; at least one) multiplied by a factor drawn uniformly from [8, 16], the
 *       outlier-channel pattern of real LLM linear layers.</li>
 * </ul>
 * Row r uses its own {@link java.util.Random} seeded from (seed, r) by a SplitMix64 mix; the
 * outlier columns come from a {@code Random} seeded from the seed alone. {@code java.util.Random}
 * is used because its algorithm (including {@code nextGaussian}) is fixed by the Java specification.
 */
public final class SyntheticTensor implements Tensor2D {
    public static final double SIGMA = 0.02;
    public static final double OUTLIER_FRACTION = 0.01;

    private final String name;
    private final SynthKind kind;
    private final int rows;
    private final int cols;
    private final long seed;
    private final int dof;
    private final double tScale;
    private final double[] colScale;

    public SyntheticTensor(String name, SynthKind kind, int rows, int cols, long seed) {
        if (rows < 1 || cols < 1) throw new IllegalArgumentException("rows and cols must be >= 1, got " + rows + "x" + cols);
        this.name = name;
        this.kind = kind;
        this.rows = rows;
        this.cols = cols;
        this.seed = seed;
        this.dof = kind == SynthKind.STUDENT_T ? 3 : kind == SynthKind.LLAMA_LIKE ? 4 : 0;
        // t_nu has variance nu / (nu - 2); scale it back to unit variance.
        this.tScale = dof > 0 ? Math.sqrt((dof - 2) / (double) dof) : 1.0;
        this.colScale = new double[cols];
        java.util.Arrays.fill(colScale, 1.0);
        if (kind == SynthKind.LLAMA_LIKE) {
            Random r = new Random(mix(seed, -1));
            int n = Math.max(1, (int) Math.round(cols * OUTLIER_FRACTION));
            int chosen = 0;
            while (chosen < n) {
                int c = r.nextInt(cols);
                if (colScale[c] != 1.0) continue;
                colScale[c] = 8.0 + 8.0 * r.nextDouble();
                chosen++;
            }
        }
    }

    /** The outlier factor of column c (1 for ordinary columns). */
    public double columnScale(int c) {
        return colScale[c];
    }

    static long mix(long seed, long row) {
        long z = seed * 0x9E3779B97F4A7C15L + row + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    public SynthKind kind() {
        return kind;
    }

    @Override
    public void readRow(int r, float[] dst) {
        Random rnd = new Random(mix(seed, r));
        for (int c = 0; c < cols; c++) {
            double z = rnd.nextGaussian();
            if (dof > 0) {
                double chi2 = 0;
                for (int i = 0; i < dof; i++) {
                    double g = rnd.nextGaussian();
                    chi2 += g * g;
                }
                z = z / Math.sqrt(chi2 / dof) * tScale;
            }
            dst[c] = (float) (z * SIGMA * colScale[c]);
        }
    }
}
