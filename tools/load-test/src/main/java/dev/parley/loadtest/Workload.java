package dev.parley.loadtest;

/** What one virtual user does: open a conversation, then run turns on it. Each call is one timed request. */
interface Workload {

    /** Opens a conversation; the call itself is timed as one turn. */
    Conversation open() throws Exception;

    /** One conversation in progress. */
    interface Conversation {

        /** Runs one timed request; returns the conversation to continue with (a new one if this one ended). */
        Conversation next(int turn) throws Exception;
    }
}
