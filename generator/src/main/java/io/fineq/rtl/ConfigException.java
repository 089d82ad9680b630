package io.fineq.rtl;

/** An invalid generator parameter; the message names the parameter and its allowed range. */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public ConfigException(String parameter, String problem) {
        super("parameter " + parameter + ": " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
