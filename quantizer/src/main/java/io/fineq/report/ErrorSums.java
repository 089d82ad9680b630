package io.fineq.report;

/**
 * Sums of squares behind the three metrics:
 * {@code relMse = ||W - W'||^2 / ||W||^2}, {@code sqnrDb = 10 log10(||W||^2 / ||W - W'||^2)},
 * {@code relOutputError = ||WX - W'X|| / ||WX||} (Frobenius norms).
 */
public final class ErrorSums {
    private double weight;
    private double weightErr;
    private double output;
    private double outputErr;

    public void addWeights(double sumSqW, double sumSqErr) {
        weight += sumSqW;
        weightErr += sumSqErr;
    }

    public void addOutputs(double sumSqY, double sumSqErr) {
        output += sumSqY;
        outputErr += sumSqErr;
    }

    public double relMse() {
        return weight == 0 ? (weightErr == 0 ? 0 : Double.POSITIVE_INFINITY) : weightErr / weight;
    }

    /** SQNR in dB; +Infinity for an exact approximation. */
    public double sqnrDb() {
        return 10.0 * Math.log10(weight / weightErr);
    }

    public double relOutputError() {
        return output == 0 ? (outputErr == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(outputErr / output);
    }
}
