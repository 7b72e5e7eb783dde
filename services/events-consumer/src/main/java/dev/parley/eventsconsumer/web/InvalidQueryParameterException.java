package dev.parley.eventsconsumer.web;

/** A query parameter (or path segment) holds a value the query API does not accept; answered with 400. */
public class InvalidQueryParameterException extends RuntimeException {

    private final String parameter;

    public InvalidQueryParameterException(String parameter, String problem) {
        super(parameter + " " + problem);
        this.parameter = parameter;
    }

    /** The offending parameter as named in the URL. */
    public String parameter() {
        return parameter;
    }
}
