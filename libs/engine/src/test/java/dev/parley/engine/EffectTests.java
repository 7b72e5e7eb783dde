package dev.parley.engine;

import static dev.parley.engine.Bots.action;
import static dev.parley.engine.Bots.call;
import static dev.parley.engine.Bots.in;
import static dev.parley.engine.Bots.invocation;
import static dev.parley.engine.Bots.literal;
import static dev.parley.engine.Bots.lookup;
import static dev.parley.engine.Bots.message;
import static dev.parley.engine.Bots.out;
import static dev.parley.engine.Bots.setByAction;
import static dev.parley.engine.Bots.waitStep;
import static dev.parley.engine.TestBots.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.botmodel.LookupCondition;
import dev.parley.botmodel.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectTests {

    private static final Program SHOP = Bots.bot("Shop")
            .context("CustomerId", "Id")
            .variable("Sku", "Text").variable("Stock", "Number").variable("Restock", "Date")
            .variable("Available", "Boolean").variable("Note", "Text")
            .list("Contacts", "Object").variable("Contact", "Object")
            .dialog("Welcome", message("Checking stock..."),
                    action("apex", "Inventory.check", in("sku", "Sku"), in("customer", "CustomerId"),
                            literal("warehouse", "north-{!Sku}"), out("stock", "Stock"), out("restock", "Restock"),
                            out("available", "Available"), out("note", "Note")),
                    message("{!Stock} left of {!Sku}, available: {!Available}, restock {!Restock}."), waitStep())
            .dialog("Twice", action("flow", "First", out("note", "Note")), message("between"),
                    action("flow", "Second", out("note", "Note")), message("after {!Note}"), waitStep())
            .dialog("Lookup_List", lookup("Contact", "Contacts", List.of("Contact.Name"),
                    new LookupCondition("Contact.Id", "Equals", "CustomerId", "ContextVariable", null, 1, null)),
                    message("found {!Contacts.Name}"), waitStep())
            .dialog("Lookup_One", lookup("Contact", "Contact", List.of("Contact.Name")),
                    message("one: {!Contact.Name}"), waitStep())
            .dialog("Caller", call("Callee"), message("back in the caller: {!Note}"), waitStep())
            .dialog("Callee", setByAction(invocation("flow", "Fill", out("note", "Note"))))
            .dialog("Oops", message("Something broke, sorry."), waitStep())
            .system("ErrorHandling", "Oops")
            .compile();

    private static final Program NO_HANDLER = Bots.bot("Bare")
            .variable("Note", "Text")
            .dialog("Welcome", action("flow", "Fragile", out("note", "Note")), message("never"))
            .compile();

    private final Engine engine = new Engine(EngineLimits.defaults());

    private TurnResult start() {
        return engine.start(SHOP, "s-1", Map.of("Sku", "A-7", "CustomerId", "003AB"), null);
    }

    @Test
    void anActionStopsTheTurnWithItsInputsAndCompleteContinuesTheSameTurn() {
        TurnResult stopped = start();

        assertThat(texts(stopped)).containsExactly("Checking stock...");
        assertThat(stopped.effect()).isNotNull().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("Invocation");
            assertThat(e.actionType()).isEqualTo("apex");
            assertThat(e.actionName()).isEqualTo("Inventory.check");
            assertThat(e.inputs()).containsExactly(Map.entry("sku", "A-7"), Map.entry("customer", "003AB"),
                    Map.entry("warehouse", "north-A-7"));
        });
        assertThat(stopped.state().awaiting()).isEqualTo("Effect");
        assertThat(stopped.state().effect().id()).isEqualTo(stopped.effect().id());

        TurnResult done = engine.complete(SHOP, stopped.state(), EffectResult.success(stopped.effect().id(),
                Map.of("stock", "42", "restock", "2025-01-31T09:00:00Z", "available", true, "note", 7)));

        assertThat(texts(done)).containsExactly("42 left of A-7, available: true, restock 2025-01-31.");
        assertThat(done.effect()).isNull();
        assertThat(done.state().effect()).isNull();
        assertThat(done.state().turn()).isEqualTo(1);
        assertThat(done.state().variables()).containsEntry("Stock", 42).containsEntry("Restock", "2025-01-31")
                .containsEntry("Available", true).containsEntry("Note", "7");
        // message ids go on where the stopped call left off
        List<String> ids = new ArrayList<>(stopped.outputs().stream().map(Output::id).toList());
        ids.addAll(done.outputs().stream().map(Output::id).toList());
        assertThat(ids).doesNotHaveDuplicates().hasSize(2);
        // the start's variables (in name order), then the action's outputs
        assertThat(done.changedVariables()).containsExactly("CustomerId", "Sku", "Stock", "Restock", "Available",
                "Note");
    }

    @Test
    void outputsLeftOutByTheActionLeaveTheirVariablesAlone() {
        TurnResult stopped = start();

        TurnResult done = engine.complete(SHOP, stopped.state(),
                EffectResult.success(stopped.effect().id(), Map.of("stock", 3)));

        assertThat(texts(done)).containsExactly("3 left of A-7, available: , restock .");
        assertThat(done.state().variables()).doesNotContainKeys("Available", "Restock", "Note");
    }

    @Test
    void effectsOfOneTurnFollowEachOther() {
        SessionState waiting = completeWelcome();

        TurnResult first = engine.resume(SHOP, waiting, new Input.Redirect("Twice"));
        TurnResult between = engine.complete(SHOP, first.state(),
                EffectResult.success(first.effect().id(), Map.of("note", "one")));
        assertThat(texts(between)).containsExactly("between");
        assertThat(between.effect()).isNotNull();
        assertThat(between.effect().id()).isNotEqualTo(first.effect().id());
        assertThat(between.effect().actionName()).isEqualTo("Second");

        TurnResult done = engine.complete(SHOP, between.state(),
                EffectResult.success(between.effect().id(), Map.of("note", "two")));
        assertThat(texts(done)).containsExactly("after two");
        assertThat(done.changedVariables()).containsExactly("Note");
        assertThat(done.state().turn()).isEqualTo(first.state().turn());
    }

    private SessionState completeWelcome() {
        TurnResult stopped = start();
        return engine.complete(SHOP, stopped.state(), EffectResult.success(stopped.effect().id(), Map.of()))
                .state();
    }

    @Test
    void aFailedEffectRunsTheErrorHandlingDialog() {
        TurnResult stopped = start();

        TurnResult failed = engine.complete(SHOP, stopped.state(),
                EffectResult.failure(stopped.effect().id(), "Timeout", "no answer in 5 s"));

        assertThat(texts(failed)).containsExactly("Something broke, sorry.");
        assertThat(failed.ended()).isFalse();
        assertThat(failed.state().currentDialog()).isEqualTo("Oops");
        assertThat(failed.trace()).extracting(TraceEvent::type)
                .startsWith("EffectCompleted", "ErrorOccurred", "DialogEntered");
        assertThat(failed.trace().get(0).detail()).containsEntry("outcome", "FAILED")
                .containsEntry("errorCode", "Timeout").containsEntry("errorMessage", "no answer in 5 s");
        assertThat(failed.trace().get(1).detail()).containsEntry("code", "Timeout");
        assertThat(failed.trace().get(2).detail()).containsEntry("via", "system");
    }

    @Test
    void withoutAnErrorHandlingDialogAFailureApologisesAndEndsTheSessionWithError() {
        TurnResult stopped = engine.start(NO_HANDLER, "s-2", Map.of(), null);

        TurnResult failed = engine.complete(NO_HANDLER, stopped.state(),
                EffectResult.failure(stopped.effect().id(), null, null));

        assertThat(texts(failed)).containsExactly(Turn.BUILT_IN_ERROR);
        assertThat(failed.ended()).isTrue();
        assertThat(failed.state().endReason()).isEqualTo("Error");
        assertThat(failed.outputs().getLast()).isInstanceOfSatisfying(Output.SessionEnded.class,
                e -> assertThat(e.reason()).isEqualTo("Error"));
        assertThat(failed.trace()).anySatisfy(t -> {
            assertThat(t.type()).isEqualTo("ErrorOccurred");
            assertThat(t.detail()).containsEntry("code", "EffectFailed");
        });
    }

    @Test
    void anOutputThatDoesNotFitItsVariableIsAFailureAndChangesNothing() {
        TurnResult stopped = start();

        TurnResult failed = engine.complete(SHOP, stopped.state(), EffectResult.success(stopped.effect().id(),
                Map.of("note", "fine", "stock", "plenty")));

        assertThat(texts(failed)).containsExactly("Something broke, sorry.");
        assertThat(failed.state().variables()).doesNotContainKeys("Stock", "Note");
        assertThat(failed.trace()).anySatisfy(t -> {
            assertThat(t.type()).isEqualTo("ErrorOccurred");
            assertThat(t.detail()).containsEntry("code", "OutputConversionFailed");
            assertThat((String) t.detail().get("message")).contains("stock").contains("Stock")
                    .contains("'plenty' is not a number");
        });
    }

    @Test
    void aResultForAnotherEffectIsRejectedNamingBoth() {
        TurnResult stopped = start();

        assertThatThrownBy(() -> engine.complete(SHOP, stopped.state(), EffectResult.success("other", Map.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("other")
                .hasMessageContaining(stopped.effect().id())
                .hasMessageContaining("Inventory.check");
    }

    @Test
    void inputWhileAnEffectIsPendingIsRejectedNamingTheEffect() {
        TurnResult stopped = start();

        assertThatThrownBy(() -> engine.resume(SHOP, stopped.state(), new Input.Text("hello")))
                .isInstanceOf(EffectPendingException.class)
                .hasMessageContaining("s-1")
                .hasMessageContaining(stopped.effect().id())
                .hasMessageContaining("Inventory.check");
    }

    @Test
    void completingWithoutAPendingEffectIsRejected() {
        SessionState waiting = completeWelcome();

        assertThatThrownBy(() -> engine.complete(SHOP, waiting, EffectResult.success("x", Map.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not waiting for an effect")
                .hasMessageContaining("Text");
        assertThatThrownBy(() -> engine.complete(SHOP, waiting, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theClientMayEndASessionWhoseEffectIsPending() {
        TurnResult ended = engine.end(SHOP, start().state(), null);

        assertThat(ended.ended()).isTrue();
        assertThat(ended.state().effect()).isNull();
        assertThat(ended.effect()).isNull();
    }

    @Test
    void effectIdsAreTheSameForTheSameTurnAndDifferForAnotherSessionOrTurn() {
        String a = start().effect().id();
        String b = start().effect().id();
        String other = engine.start(SHOP, "s-2", Map.of("Sku", "A-7"), null).effect().id();
        SessionState waiting = completeWelcome();
        String nextTurn = engine.resume(SHOP, waiting, new Input.Redirect("Welcome")).effect().id();

        assertThat(a).isEqualTo(b).isNotEqualTo(other).isNotEqualTo(nextTurn);
    }

    @Test
    void aRecordLookupIntoAListStoresTheRecordsAndIntoARecordTheFirstOne() {
        SessionState waiting = completeWelcome();

        TurnResult list = engine.resume(SHOP, waiting, new Input.Redirect("Lookup_List"));
        assertThat(list.effect().kind()).isEqualTo("RecordLookup");
        assertThat(list.effect().actionName()).isEqualTo("Contact");
        assertThat(list.effect().inputs()).containsEntry("conditions",
                List.of(Map.of("field", "Contact.Id", "operator", "Equals", "value", "003AB")));
        TurnResult found = engine.complete(SHOP, list.state(), EffectResult.success(list.effect().id(),
                Map.of("records", List.of(Map.of("Name", "Ada"), Map.of("Name", "Bo")))));
        assertThat(texts(found)).containsExactly("found Ada, Bo");

        TurnResult one = engine.resume(SHOP, waiting, new Input.Redirect("Lookup_One"));
        TurnResult first = engine.complete(SHOP, one.state(), EffectResult.success(one.effect().id(),
                Map.of("records", List.of(Map.of("Name", "Ada"), Map.of("Name", "Bo")))));
        assertThat(texts(first)).containsExactly("one: Ada");

        TurnResult none = engine.complete(SHOP, one.state(), EffectResult.success(one.effect().id(),
                Map.of("records", List.of())));
        assertThat(texts(none)).containsExactly("one: ");
    }

    @Test
    void recordsThatAreNotAListAreAFailedLookup() {
        TurnResult one = engine.resume(SHOP, completeWelcome(), new Input.Redirect("Lookup_One"));

        TurnResult failed = engine.complete(SHOP, one.state(),
                EffectResult.success(one.effect().id(), Map.of("records", "Ada")));

        assertThat(texts(failed)).containsExactly("Something broke, sorry.");
    }

    @Test
    void anEffectInACalledDialogReturnsToTheCallerWhenDone() {
        TurnResult stopped = engine.resume(SHOP, completeWelcome(), new Input.Redirect("Caller"));
        assertThat(stopped.state().callStack()).hasSize(1);

        TurnResult done = engine.complete(SHOP, stopped.state(),
                EffectResult.success(stopped.effect().id(), Map.of("note", "filled")));

        assertThat(texts(done)).containsExactly("back in the caller: filled");
        assertThat(done.state().callStack()).isEmpty();
    }

    @Test
    void aFirstUtteranceWaitsUntilTheWelcomesEffectIsDone() {
        TurnResult stopped = engine.start(SHOP, "s-3", Map.of("Sku", "B-1"), "Twice");
        assertThat(texts(stopped)).containsExactly("Checking stock...");
        assertThat(stopped.state().effect().deferredText()).isEqualTo("Twice");

        TurnResult next = engine.complete(SHOP, stopped.state(),
                EffectResult.success(stopped.effect().id(), Map.of("stock", 1)));

        assertThat(texts(next)).containsExactly("1 left of B-1, available: , restock .");
        // "Twice" is its dialog's label: it runs and stops at its first action, in the same turn
        assertThat(next.effect()).isNotNull();
        assertThat(next.effect().actionName()).isEqualTo("First");
        assertThat(next.state().turn()).isEqualTo(1);
        assertThat(next.state().effect().deferredText()).isNull();
    }
}
