package dev.parley.runtime.api;

/** The kinds of {@link TurnEvent}, named for what already happened. */
public enum TurnEventType {
    SessionStarted,
    MessageReceived,
    DialogEntered,
    StepExecuted,
    MessageSent,
    InputNotUnderstood,
    SessionEnded,
    TurnCompleted
}
