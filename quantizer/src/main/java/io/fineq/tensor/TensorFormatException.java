package io.fineq.tensor;

import java.io.IOException;

/** An input tensor file that cannot be used; the message names the file and the field. */
public class TensorFormatException extends IOException implements io.fineq.cli.CliConventions.InputError {
    private static final long serialVersionUID = 1L;

    public TensorFormatException(String message) {
        super(message);
    }
}
