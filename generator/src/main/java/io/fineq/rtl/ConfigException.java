package io.fineq.rtl;

/** An invalid generator parameter; the message names the parameter and its allowed range. */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String parameter;
    private final String problem;

    /**
     * @param parameter the name the user typed ({@code --array}, {@code -Darray}); a bare name
     *                  ({@code rows}, from FineqConfig's own checks) reads "parameter rows: ..."
     */
    public ConfigException(String parameter, String problem) {
        super((parameter.startsWith("-") ? "" : "parameter ") + parameter + ": " + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** What is wrong, without the parameter's name. */
    public String problem() {
        return problem;
    }

    /** The same problem told for the option a command's user typed. */
    public String forOption(String option) {
        return option + ": " + problem;
    }

    public String parameter() {
        return parameter;
    }
}
