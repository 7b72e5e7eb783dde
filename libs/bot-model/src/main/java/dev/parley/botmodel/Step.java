package dev.parley.botmodel;

import java.util.List;

/** One step of a dialog; {@link #id()} is the {@code stepIdentifier} or, when absent, a path such as {@code Welcome/1.2}. */
public sealed interface Step {

    /** The step identifier, unique within its dialog. */
    String id();

    /** Where the step starts in its source file. */
    Location location();

    /** The Salesforce step type name (e.g. {@code Message}). */
    String type();

    /** Sends one text message per entry of {@code messages}; merge fields like {@code {!Var}} are substituted. */
    record Message(String id, List<String> messages, Location location) implements Step {
        public Message {
            messages = List.copyOf(messages);
        }

        @Override
        public String type() {
            return "Message";
        }
    }

    /**
     * Moves to other dialogs: {@code Redirect} with one link jumps, with several links offers a menu of them.
     *
     * @param navigationType the {@code botNavigation/type}, e.g. {@code Redirect}
     */
    record Navigation(String id, String navigationType, List<NavigationLink> links, Location location)
            implements Step {
        public Navigation {
            links = List.copyOf(links);
        }

        @Override
        public String type() {
            return "Navigation";
        }
    }

    /** Waits for the customer's next input. */
    record Wait(String id, Location location) implements Step {
        @Override
        public String type() {
            return "Wait";
        }
    }

    /**
     * Runs nested steps when its conditions hold (all of them for {@code And}, any for {@code Or}; none = always).
     */
    record Group(String id, String conditionLogicType, List<Condition> conditions, List<Step> steps,
            Location location) implements Step {
        public Group {
            conditions = List.copyOf(conditions);
            steps = List.copyOf(steps);
        }

        @Override
        public String type() {
            return "Group";
        }
    }

    /**
     * Sets, clears or collects variables.
     *
     * @param operationType  {@code Set}, {@code Unset} or {@code Collect}
     * @param operands       source/target pairs
     * @param prompts        for {@code Collect}: the question messages
     * @param askCollectIfSet for {@code Collect}: ask even when the target already has a value
     * @param optionalCollect for {@code Collect}: whether the customer may skip
     * @param invocation     an action whose outputs fill variables, or {@code null}
     * @param quickReplies   for {@code Collect}: static quick reply options (may be empty)
     */
    record VariableOperation(String id, String operationType, List<VariableOperand> operands, List<String> prompts,
            boolean askCollectIfSet, boolean optionalCollect, Invocation invocation, List<String> quickReplies,
            Location location) implements Step {
        public VariableOperation {
            operands = List.copyOf(operands);
            prompts = List.copyOf(prompts);
            quickReplies = List.copyOf(quickReplies);
        }

        @Override
        public String type() {
            return "VariableOperation";
        }
    }

    /**
     * A conversation system message: {@code EndChat} or {@code Transfer}.
     *
     * @param messageType   the system message type
     * @param transferVariable for {@code Transfer}: the variable whose value names the routing target, or {@code null}
     */
    record SystemMessage(String id, String messageType, String transferVariable, Location location) implements Step {
        @Override
        public String type() {
            return "SystemMessage";
        }
    }

    /** A step the runtime cannot execute (e.g. {@code RecordLookup}); kept so that nothing is silently dropped. */
    record Unsupported(String id, String type, Location location) implements Step {
    }
}
