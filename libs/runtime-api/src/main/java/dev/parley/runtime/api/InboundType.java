package dev.parley.runtime.api;

/** Kinds of inbound message, one per message type of the Bot Runtime API. */
public enum InboundType {
    TEXT, CHOICE, TRANSFER_SUCCEEDED, TRANSFER_FAILED, REDIRECT
}
