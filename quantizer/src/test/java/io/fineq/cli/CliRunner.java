package io.fineq.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures its streams. */
record CliRunner(int exit, String out, String err) {
    static CliRunner run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = QuantizerCli.run(args, new PrintWriter(o), new PrintWriter(e));
        return new CliRunner(code, o.toString(), e.toString());
    }
}
