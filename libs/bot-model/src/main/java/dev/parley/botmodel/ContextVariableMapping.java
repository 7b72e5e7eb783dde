package dev.parley.botmodel;

/**
 * Where a channel takes a context variable's value from ({@code contextVariableMappings}).
 *
 * @param sObjectType the record type, e.g. {@code MessagingSession}
 * @param fieldName   the field, e.g. {@code MessagingSession.Id}
 * @param messageType the channel type, e.g. {@code EmbeddedMessaging}, {@code WebChat}
 */
public record ContextVariableMapping(String sObjectType, String fieldName, String messageType) {
}
