package dev.parley.callout.api;

/** Values of {@link InvocationResult#outcome()}. */
public final class InvocationOutcomes {

    /** The endpoint answered 2xx and the outputs were mapped. */
    public static final String SUCCEEDED = "SUCCEEDED";

    /** See {@link InvocationResult#error()}. */
    public static final String FAILED = "FAILED";

    private InvocationOutcomes() {
    }
}
