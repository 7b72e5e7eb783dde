package dev.parley.engine;

import static dev.parley.engine.Bots.message;
import static dev.parley.engine.Bots.waitStep;
import static dev.parley.engine.TestBots.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.botmodel.Program;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTests {

    private static final Program BOT = Bots.bot("Merge")
            .context("ContactId", "Id")
            .variable("Name", "Text").variable("Count", "Number").variable("Price", "Currency")
            .variable("Account", "Object").list("Items", "Text").variable("Ok", "Boolean").variable("Big", "Number")
            .variable("Day", "Date").list("Contacts", "Object")
            .dialog("Start",
                    message("Hi {!Name}, you are {!$Context.ContactId}.", "{! Count } items at {!Price}."),
                    message("Account {!Account.Name} in {!Account.Address.City}; missing [{!Account.Nope}]."),
                    message("Items: {!Items}; ok: {!Ok}; big: {!Big}; day: {!Day}; contacts: {!Contacts.Name}."),
                    message("Unset: [{!Name}] stays literal: {!Name"), waitStep())
            .delay(120)
            .compile();

    private final Engine engine = new Engine(EngineLimits.defaults());

    @Test
    void mergeFieldsFillVariablesFieldsOfRecordsAndListsTypedByTheirDeclaration() {
        Map<String, Object> variables = Map.of("Name", "Ada", "ContactId", "003XYZ", "Count", 3, "Price", 7.5,
                "Account", Map.of("Name", "Acme", "Address", Map.of("City", "Lyon")),
                "Items", List.of("tea", "cake"), "Ok", true, "Big", 12345678901L, "Day", "2024-02-29",
                "Contacts", List.of(Map.of("Name", "Bo"), Map.of("Name", "Cy")));

        TurnResult result = engine.start(BOT, "m", variables, null);

        assertThat(texts(result)).containsExactly("Hi Ada, you are 003XYZ.", "3 items at 7.50.",
                "Account Acme in Lyon; missing [].",
                "Items: tea, cake; ok: true; big: 12345678901; day: 2024-02-29; contacts: Bo, Cy.",
                "Unset: [Ada] stays literal: {!Name");
        assertThat(result.outputs()).allSatisfy(o -> assertThat(o.delayMs()).isEqualTo(120));
    }

    @Test
    void unsetVariablesRenderAsNothing() {
        assertThat(texts(engine.start(BOT, "m", Map.of(), null)).getFirst()).isEqualTo("Hi , you are .");
    }

    @Test
    void startVariablesAreTypedByTheirDeclarationAndABadOneIsRejectedNamingIt() {
        TurnResult typed = engine.start(BOT, "m", Map.of("Count", "4", "Ok", "TRUE", "Day", "2024-03-01T10:00:00Z"),
                null);
        assertThat(typed.state().variables()).containsEntry("Count", 4).containsEntry("Ok", true)
                .containsEntry("Day", "2024-03-01");
        assertThat(typed.trace()).filteredOn(t -> t.type().equals("VariableChanged"))
                .extracting(t -> t.detail().get("variable") + "=" + t.detail().get("source"))
                .containsExactly("Count=Context", "Day=Context", "Ok=Context");

        assertThatThrownBy(() -> engine.start(BOT, "m", Map.of("Count", "many"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Count").hasMessageContaining("Number").hasMessageContaining("many");
    }
}
