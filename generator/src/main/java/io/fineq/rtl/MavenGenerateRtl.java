package io.fineq.rtl;

/**
 * The entry point of {@code mvn generate-rtl} (exec-maven-plugin's {@code java} goal). The
 * generator has already printed its one-line message; a {@code System.exit} inside Maven would
 * add a Java stack trace, so a failure ends the build through a plain exception whose message
 * Maven prints on one line.
 */
public final class MavenGenerateRtl {
    private MavenGenerateRtl() {
    }

    public static void main(String[] args) {
        // Messages name the -D properties a Maven user typed (-Darray, -Dactw), not the options.
        String[] named = java.util.Arrays.copyOf(args, args.length + 1);
        named[args.length] = "--maven-names";
        int code = GeneratorCli.run(named, System.out, System.err);
        if (code != 0) {
            throw new BadParameter("generate-rtl stopped: bad parameter (the line above says which and its range), exit code " + code);
        }
    }

    /** A failure that carries no stack worth printing. */
    static final class BadParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadParameter(String message) {
            super(message, null, false, false);
        }
    }
}
