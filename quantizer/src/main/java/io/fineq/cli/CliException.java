package io.fineq.cli;

/** A user error found while running a command; printed as one line, exit code 2. */
final class CliException extends RuntimeException implements CliConventions.InputError {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }
}
