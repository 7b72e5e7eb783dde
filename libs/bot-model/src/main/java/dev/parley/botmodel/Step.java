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
     * Moves to other dialogs. {@code Redirect} with one link jumps, with several links offers a menu of them;
     * {@code Call} runs the target dialog and comes back to the next step; {@code TransferToAgent} hands over.
     *
     * @param navigationType the {@code botNavigation/type}: {@code Redirect}, {@code Call} or {@code TransferToAgent}
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
     * Runs nested steps when its conditions hold (all of them for {@code And} or {@code null}, any for {@code Or};
     * none = always).
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
     * Sets, clears or collects variables ({@code botVariableOperation}).
     *
     * @param operationType            {@code Set}, {@code Unset}, {@code Collect} (others, such as
     *                                 {@code CollectAttachment} or {@code SetConversationLanguage}, are kept as
     *                                 written and reported)
     * @param operands                 source/target pairs
     * @param prompts                  for {@code Collect}: the question messages ({@code botMessages})
     * @param askCollectIfSet          for {@code Collect}: ask even when the target already has a value
     * @param optionalCollect          for {@code Collect}: after the retries, move on instead of asking again
     * @param invocation               for {@code Set}: an action whose outputs fill variables; for a
     *                                 {@code Dynamic} Collect: the action that returns the choices; or {@code null}
     * @param quickReplies             for {@code Collect}: static quick reply options ({@code literalValue})
     * @param quickReplyType           {@code Static}, {@code Dynamic} or {@code null} (no choices)
     * @param quickReplyWidgetType     {@code Buttons}, {@code Menu} or {@code null}
     * @param quickReplyOptionTemplate for {@code Dynamic} choices of records: the label template, e.g.
     *                                 {@code {!Name}}, or {@code null}
     * @param sourceVariableName       for {@code Dynamic} choices: the list variable that holds them, or {@code null}
     * @param sourceVariableType       {@code ConversationVariable} or {@code ContextVariable}, or {@code null}
     * @param retryMessages            for {@code Collect}: messages sent when the input does not fit (conversation
     *                                 repair), in order
     * @param invalidInputNavigation   for {@code Collect}: where to go when there are no choices or the input never
     *                                 fits, or {@code null}
     * @param autoSelectIfSingleChoice for a {@code Dynamic} Collect: take a single choice without asking
     * @param ignoreIntentRecognition  for {@code Collect}: never switch dialogs on an intent while asking
     */
    record VariableOperation(String id, String operationType, List<VariableOperand> operands, List<String> prompts,
            boolean askCollectIfSet, boolean optionalCollect, Invocation invocation, List<String> quickReplies,
            String quickReplyType, String quickReplyWidgetType, String quickReplyOptionTemplate,
            String sourceVariableName, String sourceVariableType, List<String> retryMessages,
            BotNavigation invalidInputNavigation, boolean autoSelectIfSingleChoice, boolean ignoreIntentRecognition,
            Location location) implements Step {
        public VariableOperation {
            operands = List.copyOf(operands);
            prompts = List.copyOf(prompts);
            quickReplies = List.copyOf(quickReplies);
            retryMessages = List.copyOf(retryMessages);
        }

        /** The original shape: static quick replies only, no repair settings. */
        public VariableOperation(String id, String operationType, List<VariableOperand> operands,
                List<String> prompts, boolean askCollectIfSet, boolean optionalCollect, Invocation invocation,
                List<String> quickReplies, Location location) {
            this(id, operationType, operands, prompts, askCollectIfSet, optionalCollect, invocation, quickReplies,
                    quickReplies.isEmpty() ? null : "Static", null, null, null, null, List.of(), null, false, false,
                    location);
        }

        /** Whether this operation asks the customer for values. */
        public boolean isCollect() {
            return "Collect".equals(operationType);
        }

        /** {@code "menu"} for a {@code Menu} widget, else {@code "buttons"}. */
        public String widget() {
            return "Menu".equalsIgnoreCase(quickReplyWidgetType) ? "menu" : "buttons";
        }

        @Override
        public String type() {
            return "VariableOperation";
        }
    }

    /**
     * A conversation system message: {@code EndChat} or {@code Transfer}.
     *
     * @param messageType      the system message type
     * @param transferVariable for {@code Transfer}: the variable whose value names the routing target, or {@code null}
     */
    record SystemMessage(String id, String messageType, String transferVariable, Location location) implements Step {
        @Override
        public String type() {
            return "SystemMessage";
        }
    }

    /**
     * Calls an action as a step of its own (step type {@code Invocation}); its outputs fill variables.
     *
     * @param invocation the action and its mappings
     */
    record Action(String id, Invocation invocation, Location location) implements Step {
        @Override
        public String type() {
            return "Invocation";
        }
    }

    /**
     * Queries records into a variable ({@code conversationRecordLookup}); executing it is an effect.
     *
     * @param sObjectType        the record type, e.g. {@code Contact}
     * @param lookupFields       the fields read, e.g. {@code Contact.Birthdate}
     * @param conditions         the filters
     * @param filterLogic        how filters combine: {@code And} or {@code Or} (null = And)
     * @param maxLookupResults   the maximum number of records (1-3), or {@code null}
     * @param sortFieldName      the sort field, or {@code null}
     * @param sortOrder          {@code Asc} or {@code Desc}, or {@code null}
     * @param sourceVariableName an input variable (e.g. a record id), or {@code null}
     * @param sourceVariableType {@code ConversationVariable} or {@code ContextVariable}, or {@code null}
     * @param targetVariableName the variable that receives the records
     */
    record RecordLookup(String id, String sObjectType, List<String> lookupFields, List<LookupCondition> conditions,
            String filterLogic, Integer maxLookupResults, String sortFieldName, String sortOrder,
            String sourceVariableName, String sourceVariableType, String targetVariableName, Location location)
            implements Step {
        public RecordLookup {
            lookupFields = List.copyOf(lookupFields);
            conditions = List.copyOf(conditions);
        }

        @Override
        public String type() {
            return "RecordLookup";
        }
    }

    /**
     * A step the runtime cannot execute (e.g. {@code RichMessage}, {@code GoalStep}); kept so that nothing is
     * silently dropped.
     */
    record Unsupported(String id, String type, Location location) implements Step {
    }
}
