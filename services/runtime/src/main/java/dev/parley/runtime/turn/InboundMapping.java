package dev.parley.runtime.turn;

import dev.parley.engine.Input;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.Variable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks inbound commands and turns them into the engine's input; every refusal names the field. */
final class InboundMapping {

    private static final Set<String> TRANSFER_FAILURES = Set.of("NoAgentAvailable", "Error");
    private static final Set<String> END_REASONS = Set.of("UserRequest", "Transfer", "Expiration", "Error", "Other");

    private InboundMapping() {
    }

    static Input input(MessageCommand command) {
        if (command.type() == null) {
            throw new InvalidTurnInputException("type is required");
        }
        if (command.sequenceId() < 0) {
            throw new InvalidTurnInputException("sequenceId must not be negative but was " + command.sequenceId());
        }
        return switch (command.type()) {
            case TEXT -> {
                if (command.text() == null) {
                    throw new InvalidTurnInputException("text is required for a TEXT message");
                }
                yield new Input.Text(command.text());
            }
            case CHOICE -> {
                if (command.choiceIndex() == null && (command.choiceId() == null || command.choiceId().isBlank())) {
                    throw new InvalidTurnInputException("choiceIndex or choiceId is required for a CHOICE message");
                }
                yield new Input.Choice(command.choiceIndex(), command.choiceId());
            }
            case TRANSFER_SUCCEEDED -> new Input.TransferSucceeded();
            case TRANSFER_FAILED -> {
                if (!TRANSFER_FAILURES.contains(command.reason())) {
                    throw new InvalidTurnInputException("reason of a TRANSFER_FAILED message must be one of "
                            + TRANSFER_FAILURES + " but was " + command.reason());
                }
                yield new Input.TransferFailed(command.reason());
            }
            case REDIRECT -> {
                if (command.dialogId() == null || command.dialogId().isBlank()) {
                    throw new InvalidTurnInputException("dialogId is required for a REDIRECT message");
                }
                yield new Input.Redirect(command.dialogId());
            }
        };
    }

    /** The end reason as sent, {@code UserRequest} when absent. */
    static String endReason(EndSessionCommand command) {
        if (command.reason() == null) {
            return "UserRequest";
        }
        if (!END_REASONS.contains(command.reason())) {
            throw new InvalidTurnInputException("reason must be one of " + END_REASONS + " but was "
                    + command.reason());
        }
        return command.reason();
    }

    static Map<String, Object> variables(List<Variable> variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (variables == null) {
            return values;
        }
        for (int i = 0; i < variables.size(); i++) {
            Variable variable = variables.get(i);
            if (variable == null || variable.name() == null || variable.name().isBlank()) {
                throw new InvalidTurnInputException("variables[" + i + "].name is required");
            }
            values.put(variable.name(), variable.value());
        }
        return values;
    }

    /** What a MessageReceived event records about the message. */
    static Map<String, Object> describe(MessageCommand command) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", command.type().name());
        putIfSet(data, "text", command.text());
        putIfSet(data, "choiceIndex", command.choiceIndex());
        putIfSet(data, "choiceId", command.choiceId());
        putIfSet(data, "dialogId", command.dialogId());
        putIfSet(data, "reason", command.reason());
        putIfSet(data, "inReplyToMessageId", command.inReplyToMessageId());
        return data;
    }

    static void putIfSet(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
