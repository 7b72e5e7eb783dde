package dev.parley.callout.invocation;

/** An invocation id came back with another action name than it was recorded with; answered 409. */
public class InvocationIdReusedException extends RuntimeException {

    public InvocationIdReusedException(String invocationId, String recordedAction, String requestedAction) {
        super("invocation " + invocationId + " was recorded for action '" + recordedAction + "', not '"
                + requestedAction + "'");
    }
}
