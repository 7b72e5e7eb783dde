package dev.parley.runtime.turn;

import dev.parley.botmodel.Program;
import dev.parley.botmodel.VariableDefinition;
import dev.parley.engine.Output;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.Variable;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the engine's outputs and variables into the Bot API's messages and typed variables. */
final class ReplyMapping {

    private ReplyMapping() {
    }

    /** One bot message; a message without its own delay gets the bot's configured default. */
    static OutboundMessage message(Output output, Duration defaultDelay) {
        int delay = output.delayMs() > 0 ? output.delayMs() : (int) defaultDelay.toMillis();
        return switch (output) {
            case Output.Text text -> new OutboundMessage("text", text.id(), text.text(), null, null, null, null, delay);
            case Output.Choices choices -> new OutboundMessage("choices", choices.id(), null,
                    choices.options().stream()
                            .map(o -> new OutboundMessage.Choice(o.label(), o.alias(), o.id()))
                            .toList(),
                    choices.widget(), null, null, delay);
            case Output.Escalate escalate -> new OutboundMessage("escalate", escalate.id(), null, null, null, null,
                    escalate.targets().stream()
                            .map(t -> new OutboundMessage.EscalationTarget(t.type(), t.value()))
                            .toList(),
                    delay);
            case Output.SessionEnded ended -> new OutboundMessage("sessionEnded", ended.id(), null, null, null,
                    ended.reason(), null, delay);
        };
    }

    /** The session's variables, typed by their declaration, else by their value. */
    static List<Variable> variables(Program program, Map<String, Object> values) {
        return values.entrySet().stream()
                .map(e -> new Variable(e.getKey(), type(program.variables().get(e.getKey()), e.getValue()),
                        e.getValue()))
                .toList();
    }

    private static String type(VariableDefinition declared, Object value) {
        if (declared != null && "List".equalsIgnoreCase(declared.collectionType())) {
            return "list";
        }
        String declaredType = declared == null || declared.dataType() == null ? null
                : switch (declared.dataType().toLowerCase(Locale.ROOT)) {
                    case "boolean" -> "boolean";
                    case "date" -> "date";
                    case "datetime" -> "dateTime";
                    case "currency", "money" -> "money";
                    case "number", "double", "integer", "decimal", "percent" -> "number";
                    case "id" -> "ref";
                    case "object", "sobject" -> "object";
                    case "text", "string", "email", "phone", "url", "picklist" -> "text";
                    default -> null;
                };
        if (declaredType != null) {
            return declaredType;
        }
        return switch (value) {
            case Boolean b -> "boolean";
            case Number n -> "number";
            case List<?> l -> "list";
            case Map<?, ?> m -> "object";
            case null, default -> "text";
        };
    }
}
