package io.fineq.hwcost;

/** A problem with the user's input or environment, reported as one line without a stack trace. */
public class UserError extends RuntimeException implements io.fineq.cli.CliConventions.InputError {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
