package io.fineq.hwcost;

/** A problem with the user's input or environment, reported as one line without a stack trace. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
