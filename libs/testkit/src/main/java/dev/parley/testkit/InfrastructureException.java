package dev.parley.testkit;

/** Thrown when a PostgreSQL, Redis or Kafka server cannot be started, reached or used. */
public class InfrastructureException extends RuntimeException {

    /** Creates the exception with a message naming the server and what failed. */
    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with a message naming the server and what failed. */
    public InfrastructureException(String message) {
        super(message);
    }

}
