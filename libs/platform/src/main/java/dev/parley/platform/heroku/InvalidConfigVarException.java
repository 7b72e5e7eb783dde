package dev.parley.platform.heroku;

/**
 * A Heroku config var (environment variable) has a value the platform cannot use. The message names the variable and
 * the problem but never contains the value, which may be a secret.
 */
public class InvalidConfigVarException extends RuntimeException {

    private final String variable;

    public InvalidConfigVarException(String variable, String problem) {
        super("Config var " + variable + " is invalid: " + problem);
        this.variable = variable;
    }

    /** The name of the offending variable, e.g. {@code DATABASE_URL}. */
    public String variable() {
        return this.variable;
    }

}
