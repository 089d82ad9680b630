package io.fineq.hwcost.liberty;

import io.fineq.hwcost.UserError;

/** A Liberty file that cannot be read or lacks a cell the flow needs: one line naming the file. */
public final class LibertyException extends UserError {
    private static final long serialVersionUID = 1L;

    public LibertyException(String message) {
        super(message);
    }
}
