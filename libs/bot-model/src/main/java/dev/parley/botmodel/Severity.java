package dev.parley.botmodel;

/** How serious a {@link Diagnostic} is: only {@code ERROR} stops a bot from being used. */
public enum Severity {
    ERROR, WARNING, INFO
}
