package io.fineq.format;

import java.io.IOException;

/** A {@code .fqw} or {@code .hex} image that does not follow spec section 4. The message names the file and field. */
public class FqwFormatException extends IOException implements io.fineq.cli.CliConventions.InputError {
    private static final long serialVersionUID = 1L;

    public FqwFormatException(String message) {
        super(message);
    }
}
