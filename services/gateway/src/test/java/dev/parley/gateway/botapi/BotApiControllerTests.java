package dev.parley.gateway.botapi;

import static dev.parley.gateway.testsupport.ApiErrors.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.parley.gateway.runtime.RuntimeRejectedException;
import dev.parley.gateway.runtime.RuntimeUnavailableException;
import dev.parley.gateway.testsupport.FakeRuntimeClient;
import dev.parley.gateway.testsupport.GatewayTest;
import dev.parley.gateway.testsupport.JsonShape;
import dev.parley.gateway.testsupport.TestClients;
import dev.parley.gateway.testsupport.Tokens;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnErrorCode;
import dev.parley.runtime.api.TurnReply;
import dev.parley.runtime.api.Variable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

@GatewayTest
class BotApiControllerTests {

    static final String BOT_ID = "0XxSB00000006rp0AA";

    static final String SESSION_ID = FakeRuntimeClient.SESSION_ID;

    static final String START_PATH = "/v5.1.0/bots/" + BOT_ID + "/sessions";

    static final String MESSAGES_PATH = "/v5.1.0/sessions/" + SESSION_ID + "/messages";

    static final String SESSION_PATH = "/v5.1.0/sessions/" + SESSION_ID;

    static final String START_BODY = """
            {"externalSessionKey":"57904eb6-5352-4c5e-adf6-5f100572cf5d",
             "message":{"text":"Hello"},
             "forceConfig":{"endpoint":"https://d5e000009s7bceah-dev-ed.my.salesforce.com/"}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeRuntimeClient runtime;

    String token;

    @BeforeEach
    void setUp() throws Exception {
        runtime.reset();
        token = Tokens.obtain(mvc, TestClients.A);
    }

    MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token).header("X-Org-Id", TestClients.A.orgId());
    }

    MvcResult startSession(String body) throws Exception {
        return mvc.perform(authorized(post(START_PATH)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }

    MvcResult sendMessage(String body) throws Exception {
        return mvc.perform(authorized(post(MESSAGES_PATH)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }

    static JsonNode json(MvcResult result) throws Exception {
        return JsonShape.parse(result.getResponse().getContentAsString());
    }

    @Nested
    class HappyPaths {

        @Test
        void startingASessionAnswersTheGoldenShapeWithAbsoluteLinks() throws Exception {
            MvcResult result = startSession(START_BODY);

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            JsonShape.assertMatchesGolden(result.getResponse().getContentAsString(), "startSessionResponse.json",
                    "variables");
            JsonNode body = json(result);
            assertThat(body.get("sessionId").asString()).isEqualTo(SESSION_ID);
            assertThat(body.get("variables").isNull()).isTrue();
            assertThat(body.at("/_links/self/href").asString())
                    .isEqualTo(TestClients.PUBLIC_URL + "/v5.1.0/bots/" + BOT_ID + "/sessions");
            assertThat(body.at("/_links/messages/href").asString())
                    .isEqualTo(TestClients.PUBLIC_URL + "/v5.1.0/sessions/" + SESSION_ID + "/messages");
            assertThat(body.at("/_links/session/href").asString())
                    .isEqualTo(TestClients.PUBLIC_URL + "/v5.1.0/sessions/" + SESSION_ID);
            assertThat(result.getResponse().getHeader("X-Runtime-CRC")).isEqualTo("crc-start");
            assertThat(runtime.calls()).singleElement().satisfies(call -> {
                assertThat(call.operation()).isEqualTo("start");
                assertThat(call.orgId()).isEqualTo(TestClients.A.orgId());
                assertThat(call.target()).isEqualTo(BOT_ID);
                assertThat(call.command()).isEqualTo(new StartSessionCommand("57904eb6-5352-4c5e-adf6-5f100572cf5d",
                        "https://d5e000009s7bceah-dev-ed.my.salesforce.com/", "Hello", List.of(), null));
            });
        }

        @Test
        void startPassesVariablesAndTimeZoneAndReturnsFilteredVariablesWhenAsked() throws Exception {
            MvcResult result = startSession("""
                    {"externalSessionKey":"k1","forceConfig":{"endpoint":"https://x.my.salesforce.com"},
                     "tz":"America/Los_Angeles",
                     "variables":[{"name":"Qty","type":"number","value":2},
                                  {"name":"Note","type":"text","value":null},
                                  {"name":"Items","type":"list","value":[{"type":"ref","value":"1M5"}]}],
                     "responseOptions":{"variables":{"include":true,"filter":["OrderQty"],"onlyChanged":false},
                                        "metrics":false,"intents":false,"entities":false},
                     "referrers":null,"richContentCapabilities":null}""");

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(json(result).get("variables").toString())
                    .isEqualTo("[{\"name\":\"OrderQty\",\"type\":\"number\",\"value\":3}]");
            StartSessionCommand command = (StartSessionCommand) runtime.calls().getFirst().command();
            assertThat(command.timeZone()).isEqualTo("America/Los_Angeles");
            assertThat(command.text()).isNull();
            assertThat(command.variables()).containsExactly(new Variable("Qty", "number", 2),
                    new Variable("Note", "text", null),
                    new Variable("Items", "list", List.of(Map.of("type", "ref", "value", "1M5"))));
        }

        @Test
        void onlyChangedReturnsJustTheVariablesTheTurnChanged() throws Exception {
            runtime.answer(call -> new TurnReply(SESSION_ID, "v1", List.of(), List.of(),
                    List.of(new Variable("OrderQty", "number", 3), new Variable("Email", "text", "a@b.example")),
                    "crc", List.of("Email")));

            MvcResult result = startSession("""
                    {"externalSessionKey":"k1","forceConfig":{"endpoint":"https://x.my.salesforce.com"},
                     "responseOptions":{"variables":{"include":true,"onlyChanged":true}}}""");

            assertThat(json(result).get("variables").toString())
                    .isEqualTo("[{\"name\":\"Email\",\"type\":\"text\",\"value\":\"a@b.example\"}]");
        }

        @Test
        void aTextMessageAnswersTheGoldenShape() throws Exception {
            MvcResult result = mvc.perform(authorized(post(MESSAGES_PATH)).contentType(MediaType.APPLICATION_JSON)
                            .header("X-Runtime-CRC", "crc-start")
                            .content("""
                                    {"message":{"type":"text","sequenceId":1649209601248,"text":"Order status",
                                                "inReplyToMessageId":"a133c185-73a7-4adf-b6d9-b7fd62babb4e"}}"""))
                    .andReturn();

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            JsonShape.assertMatchesGolden(result.getResponse().getContentAsString(), "sendMessageResponse.json");
            JsonNode body = json(result);
            assertThat(body.get("processedSequenceIds").get(0).asLong()).isEqualTo(1649209601248L);
            assertThat(body.at("/_links/self/href").asString()).isEqualTo(TestClients.PUBLIC_URL + MESSAGES_PATH);
            assertThat(result.getResponse().getHeader("X-Runtime-CRC")).isEqualTo("crc-message");
            assertThat(runtime.calls()).singleElement().satisfies(call -> {
                assertThat(call.target()).isEqualTo(SESSION_ID);
                assertThat(call.command()).isEqualTo(new MessageCommand(InboundType.TEXT, 1649209601248L,
                        "Order status", null, null, null, null, "a133c185-73a7-4adf-b6d9-b7fd62babb4e"));
            });
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                {"type":"choice","sequenceId":2,"choiceIndex":1}                         | CHOICE
                {"type":"choice","sequenceId":2,"choiceId":"b8a8e78e"}                   | CHOICE
                {"type":"transferSucceeded","sequenceId":2}                              | TRANSFER_SUCCEEDED
                {"type":"transferFailed","sequenceId":2,"reason":"NoAgentAvailable"}     | TRANSFER_FAILED
                {"type":"redirect","sequenceId":2,"dialogId":"68f934fb-e022-37a7"}       | REDIRECT
                """)
        void everyMessageTypeBecomesItsRuntimeCommand(String message, InboundType type) throws Exception {
            MvcResult result = sendMessage("{\"message\":" + message + "}");

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            MessageCommand command = (MessageCommand) runtime.calls().getFirst().command();
            assertThat(command.type()).isEqualTo(type);
            assertThat(command.sequenceId()).isEqualTo(2);
        }

        @Test
        void aChoiceCarriesItsIndexAndId() throws Exception {
            sendMessage("""
                    {"message":{"type":"choice","sequenceId":3,"choiceIndex":2,"choiceId":"x-1"}}""");

            assertThat(runtime.calls().getFirst().command()).isEqualTo(
                    new MessageCommand(InboundType.CHOICE, 3, null, 2, "x-1", null, null, null));
        }

        @Test
        void endingASessionAnswersTheGoldenShape() throws Exception {
            MvcResult result = mvc.perform(authorized(delete(SESSION_PATH)).header("X-Session-End-Reason", "UserRequest"))
                    .andReturn();

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            JsonShape.assertMatchesGolden(result.getResponse().getContentAsString(), "endSessionResponse.json");
            assertThat(json(result).at("/messages/0/reason").asString()).isEqualTo("ClientRequest");
            assertThat(json(result).at("/_links/self/href").asString()).isEqualTo(TestClients.PUBLIC_URL + SESSION_PATH);
            assertThat(runtime.calls()).singleElement().satisfies(call -> {
                assertThat(call.operation()).isEqualTo("end");
                assertThat(call.command()).isEqualTo(new EndSessionCommand("UserRequest"));
            });
        }

        @Test
        void escalationsCarryTheirTargets() throws Exception {
            runtime.answer(call -> new TurnReply(SESSION_ID, "v1", List.of(2L), List.of(
                    new OutboundMessage("escalate", "e-1", null, null, null, null,
                            List.of(new OutboundMessage.EscalationTarget(
                                    "Salesforce:Core:Queue:Id", "00G1")), 0)), List.of(), null));

            MvcResult result = sendMessage("{\"message\":{\"type\":\"text\",\"sequenceId\":2,\"text\":\"agent\"}}");

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(json(result).get("messages").toString()).isEqualTo(
                    "[{\"type\":\"escalate\",\"id\":\"e-1\",\"targets\":[{\"type\":\"Salesforce:Core:Queue:Id\","
                            + "\"value\":\"00G1\"}],\"schedule\":{\"responseDelayMilliseconds\":0}}]");
            assertThat(result.getResponse().getHeader("X-Runtime-CRC")).isNull();
        }
    }

    @Nested
    class RefusedBeforeTheRuntime {

        void assertRefused(MvcResult result, int status, String error, String path, String messagePart)
                throws Exception {
            String message = assertApiError(result, status, error, path);
            assertThat(message).contains(messagePart);
            assertThat(runtime.calls()).as("runtime calls").isEmpty();
        }

        @Test
        void malformedJson() throws Exception {
            MvcResult result = startSession("{\"externalSessionKey\": \"k\",");

            assertRefused(result, 400, "BadRequestError", START_PATH, "Malformed JSON at line 1");
            assertThat(json(result).get("message").asString()).doesNotContain("Source", "REDACTED");
        }

        @Test
        void trailingGarbage() throws Exception {
            assertRefused(startSession(START_BODY + " {}"), 400, "BadRequestError", START_PATH,
                    "unexpected content after the request object");
        }

        @Test
        void missingBody() throws Exception {
            assertRefused(startSession(""), 400, "BadRequestError", START_PATH, "Request body is required");
        }

        @Test
        void aBodyThatIsNotAnObject() throws Exception {
            assertRefused(startSession("[]"), 400, "BadRequestError", START_PATH, "must be an object");
        }

        @Test
        void unknownTopLevelField() throws Exception {
            assertRefused(startSession(START_BODY.replace("{\"externalSessionKey\"", "{\"surprise\":1,\"externalSessionKey\"")),
                    400, "BadRequestError", START_PATH, "Unknown field 'surprise'");
        }

        @Test
        void unknownNestedField() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"text\",\"sequenceId\":1,\"text\":\"hi\",\"x\":1}}"),
                    400, "BadRequestError", MESSAGES_PATH, "Unknown field 'message.x'");
        }

        @Test
        void aFieldOfAnotherMessageType() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"text\",\"sequenceId\":1,\"text\":\"hi\",\"choiceIndex\":1}}"),
                    400, "BadRequestError", MESSAGES_PATH, "Unknown field 'message.choiceIndex'");
        }

        @Test
        void duplicateKeys() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"text\",\"sequenceId\":1,\"text\":\"a\",\"text\":\"b\"}}"),
                    400, "BadRequestError", MESSAGES_PATH, "Malformed JSON");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                null                                                      | Request body must be an object
                {"message":null}                                          | 'message' is required
                {"message":"text"}                                        | 'message
                {"message":[]}                                            | 'message
                {"message":{"type":5,"sequenceId":1,"text":"hi"}}         | 'message.type'
                {"message":{"type":null,"sequenceId":1,"text":"hi"}}      | 'message.type'
                {"message":{"type":"text","sequenceId":1,"text":"hi"},"responseOptions":{"variables":{"include":"yes","onlyChanged":false}}} | 'responseOptions.variables.include' must be a boolean
                {"message":{"type":"text","sequenceId":1,"text":"hi"},"responseOptions":[]} | 'responseOptions' must be an object
                {"message":{"type":"text","sequenceId":[1],"text":"hi"}}  | 'message.sequenceId' must be an integer
                {"message":{"type":"text","sequenceId":1,"text":["hi"]}}  | 'message.text' must be a string
                """)
        void oddShapesAreBadRequests(String body, String messagePart) throws Exception {
            assertRefused(sendMessage(body), 400, "BadRequestError", MESSAGES_PATH, messagePart);
        }

        @Test
        void aVariableThatIsNotAnObject() throws Exception {
            assertRefused(startSession(START_BODY.replace("{\"externalSessionKey\"",
                    "{\"variables\":[1],\"externalSessionKey\"")), 400, "BadRequestError", START_PATH,
                    "'variables[0]' must be an object");
        }

        @Test
        void missingForceConfigEndpoint() throws Exception {
            assertRefused(startSession("{\"externalSessionKey\":\"k\",\"forceConfig\":{}}"), 400, "BadRequestError",
                    START_PATH, "'forceConfig.endpoint' is required");
        }

        @Test
        void missingForceConfig() throws Exception {
            assertRefused(startSession("{\"externalSessionKey\":\"k\"}"), 400, "BadRequestError", START_PATH,
                    "'forceConfig' is required");
        }

        @Test
        void missingExternalSessionKey() throws Exception {
            assertRefused(startSession("{\"forceConfig\":{\"endpoint\":\"https://x.example\"}}"), 400,
                    "BadRequestError", START_PATH, "'externalSessionKey' is required");
        }

        @Test
        void externalSessionKeyOverTheLimit() throws Exception {
            assertRefused(startSession(START_BODY.replace("57904eb6-5352-4c5e-adf6-5f100572cf5d", "k".repeat(256))),
                    400, "BadRequestError", START_PATH, "'externalSessionKey' must be at most 255 characters");
        }

        @Test
        void initialTextOverTheLimit() throws Exception {
            assertRefused(startSession(START_BODY.replace("Hello", "x".repeat(4001))), 400, "BadRequestError",
                    START_PATH, "'message.text' must be at most 4000 characters");
        }

        @Test
        void unknownTimeZone() throws Exception {
            assertRefused(startSession(START_BODY.replace("{\"externalSessionKey\"", "{\"tz\":\"Mars/Olympus\",\"externalSessionKey\"")),
                    400, "BadRequestError", START_PATH, "'tz' is not a known time zone");
        }

        @Test
        void tooManyVariables() throws Exception {
            String variables = String.join(",", Collections.nCopies(101,
                    "{\"name\":\"v\",\"type\":\"text\",\"value\":\"x\"}"));
            assertRefused(startSession(START_BODY.replace("{\"externalSessionKey\"",
                    "{\"variables\":[" + variables + "],\"externalSessionKey\"")), 400, "BadRequestError", START_PATH,
                    "'variables' must have at most 100 entries");
        }

        @Test
        void aVariableWithoutValue() throws Exception {
            assertRefused(startSession(START_BODY.replace("{\"externalSessionKey\"",
                    "{\"variables\":[{\"name\":\"a\",\"type\":\"text\",\"value\":\"x\"},{\"name\":\"v\",\"type\":\"text\"}],\"externalSessionKey\"")),
                    400, "BadRequestError", START_PATH, "'variables[1].value' is required");
        }

        @Test
        void aVariableWhoseValueDoesNotFitItsType() throws Exception {
            assertRefused(startSession(START_BODY.replace("{\"externalSessionKey\"",
                    "{\"variables\":[{\"name\":\"v\",\"type\":\"boolean\",\"value\":\"yes\"}],\"externalSessionKey\"")),
                    400, "BadRequestError", START_PATH, "'variables[0].value' does not fit variable type 'boolean'");
        }

        @Test
        void responseOptionsWithoutOnlyChanged() throws Exception {
            assertRefused(startSession(START_BODY.replace("{\"externalSessionKey\"",
                    "{\"responseOptions\":{\"variables\":{\"include\":true}},\"externalSessionKey\"")),
                    400, "BadRequestError", START_PATH, "'responseOptions.variables.onlyChanged' is required");
        }

        @Test
        void missingMessage() throws Exception {
            assertRefused(sendMessage("{}"), 400, "BadRequestError", MESSAGES_PATH, "'message' is required");
        }

        @Test
        void missingMessageType() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"sequenceId\":1,\"text\":\"hi\"}}"), 400, "BadRequestError",
                    MESSAGES_PATH, "'message.type' is required");
        }

        @Test
        void unknownMessageType() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"endSession\",\"sequenceId\":1}}"), 400,
                    "BadRequestError", MESSAGES_PATH, "'message.type' must be one of text, choice");
        }

        @Test
        void missingSequenceId() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"text\",\"text\":\"hi\"}}"), 400, "BadRequestError",
                    MESSAGES_PATH, "'message.sequenceId' is required");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                0        | must be a positive integer
                -5       | must be a positive integer
                1.5      | must be an integer
                "7"      | must be an integer
                1e400    | must be an integer
                99999999999999999999 | out of range
                """)
        void aSequenceIdThatIsNotAPositiveInteger(String sequenceId, String problem) throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"text\",\"sequenceId\":" + sequenceId + ",\"text\":\"hi\"}}"),
                    400, "BadRequestError", MESSAGES_PATH, problem);
        }

        @Test
        void missingText() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"text\",\"sequenceId\":1}}"), 400, "BadRequestError",
                    MESSAGES_PATH, "'message.text' is required");
        }

        @Test
        void textThatIsNotAString() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"text\",\"sequenceId\":1,\"text\":42}}"), 400,
                    "BadRequestError", MESSAGES_PATH, "'message.text' must be a string");
        }

        @Test
        void textOverTheLimit() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"text\",\"sequenceId\":1,\"text\":\"" + "x".repeat(4001)
                    + "\"}}"), 400, "BadRequestError", MESSAGES_PATH, "'message.text' must be at most 4000 characters");
        }

        @Test
        void aChoiceWithoutIndexOrId() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"choice\",\"sequenceId\":1}}"), 400, "BadRequestError",
                    MESSAGES_PATH, "'message.choiceIndex' is required when 'choiceId' is absent");
        }

        @Test
        void aTransferFailureWithAnUnknownReason() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"transferFailed\",\"sequenceId\":1,\"reason\":\"Bored\"}}"),
                    400, "BadRequestError", MESSAGES_PATH, "'message.reason' must be one of NoAgentAvailable, Error");
        }

        @Test
        void aRedirectWithoutDialog() throws Exception {
            assertRefused(sendMessage("{\"message\":{\"type\":\"redirect\",\"sequenceId\":1}}"), 400,
                    "BadRequestError", MESSAGES_PATH, "'message.dialogId' is required");
        }

        @Test
        void aBodyOverTheLimit() throws Exception {
            String body = "{\"message\":{\"type\":\"text\",\"sequenceId\":1,\"text\":\"" + "x".repeat(70 * 1024)
                    + "\"}}";
            assertRefused(sendMessage(body), 413, "PayloadTooLargeError", MESSAGES_PATH, "65536 bytes");
        }

        @Test
        void aBodyThatIsNotJson() throws Exception {
            MvcResult result = mvc.perform(authorized(post(MESSAGES_PATH)).contentType(MediaType.TEXT_PLAIN)
                    .content("hello")).andReturn();
            assertRefused(result, 415, "UnsupportedMediaTypeError", MESSAGES_PATH, "send application/json");
        }

        @Test
        void missingEndReason() throws Exception {
            assertRefused(mvc.perform(authorized(delete(SESSION_PATH))).andReturn(), 400, "BadRequestError",
                    SESSION_PATH, "Header 'X-Session-End-Reason' is required");
        }

        @Test
        void anUnknownEndReason() throws Exception {
            assertRefused(mvc.perform(authorized(delete(SESSION_PATH)).header("X-Session-End-Reason", "userrequest"))
                    .andReturn(), 400, "BadRequestError", SESSION_PATH,
                    "must be one of UserRequest, Transfer, Expiration, Error, Other");
        }

        @Test
        void anInvalidSessionId() throws Exception {
            String path = "/v5.1.0/sessions/" + "a".repeat(129) + "/messages";
            MvcResult result = mvc.perform(authorized(post(path)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"message\":{\"type\":\"text\",\"sequenceId\":1,\"text\":\"hi\"}}")).andReturn();
            assertRefused(result, 400, "BadRequestError", path, "'session-id'");
        }

        @Test
        void anUnknownRoute() throws Exception {
            assertRefused(mvc.perform(authorized(get("/v5.1.0/nothing/here"))).andReturn(), 404, "NotFoundError",
                    "/v5.1.0/nothing/here", "No resource");
        }

        @Test
        void aKnownRouteWithTheWrongMethod() throws Exception {
            MvcResult result = mvc.perform(authorized(put(SESSION_PATH))).andReturn();
            assertRefused(result, 405, "MethodNotAllowedError", SESSION_PATH, "PUT");
            assertThat(result.getResponse().getHeader("Allow")).isEqualTo("DELETE");
        }
    }

    @Nested
    class RefusedByTheRuntime {

        @ParameterizedTest
        @CsvSource({
                "SESSION_NOT_FOUND, 404, NotFoundError",
                "BOT_NOT_FOUND, 404, NotFoundError",
                "SESSION_ENDED, 410, NotAvailableError",
                "INVALID_INPUT, 400, BadRequestError",
                "STALE_SEQUENCE, 400, BadRequestError",
                "SESSION_BUSY, 423, ServerBusyError",
                "BOT_ERROR, 422, RequestProcessingException",
                "UNAVAILABLE, 503, ServiceUnavailable"})
        void everyTurnErrorCodeBecomesTheSpecError(TurnErrorCode code, int status, String error) throws Exception {
            runtime.fail(new RuntimeRejectedException(code, "detail of " + code));

            MvcResult result = sendMessage("{\"message\":{\"type\":\"choice\",\"sequenceId\":4,\"choiceIndex\":99}}");

            String message = assertApiError(result, status, error, MESSAGES_PATH);
            assertThat(runtime.calls()).hasSize(1);
            if (status < 500) {
                assertThat(message).isEqualTo("detail of " + code);
            }
            else {
                assertThat(message).doesNotContain("detail of");
            }
        }

        @Test
        void aChoiceIndexOutOfRangeIsABadRequest() throws Exception {
            runtime.fail(new RuntimeRejectedException(TurnErrorCode.INVALID_INPUT, "choice 99 is not offered"));

            MvcResult result = sendMessage("{\"message\":{\"type\":\"choice\",\"sequenceId\":4,\"choiceIndex\":99}}");

            assertThat(assertApiError(result, 400, "BadRequestError", MESSAGES_PATH)).isEqualTo("choice 99 is not offered");
        }

        @ParameterizedTest
        @EnumSource(TurnErrorCode.class)
        void theRuntimeWithoutDetailStillGetsAMessage(TurnErrorCode code) throws Exception {
            runtime.fail(new RuntimeRejectedException(code, null));

            MvcResult result = mvc.perform(authorized(delete(SESSION_PATH)).header("X-Session-End-Reason", "Other"))
                    .andReturn();

            assertThat(result.getResponse().getStatus()).isEqualTo(code.httpStatus());
            assertThat(json(result).get("message").asString()).isNotBlank();
        }

        @Test
        void anUnreachableRuntimeIsServiceUnavailable() throws Exception {
            runtime.fail(new RuntimeUnavailableException("connection refused"));

            MvcResult result = startSession(START_BODY);

            assertThat(assertApiError(result, 503, "ServiceUnavailable", START_PATH)).doesNotContain("refused");
        }

        @Test
        void anUnexpectedFailureIsABare500() throws Exception {
            runtime.fail(new IllegalStateException("secret internal detail"));

            MvcResult result = startSession(START_BODY);

            String message = assertApiError(result, 500, "InternalServerError", START_PATH);
            assertThat(message).doesNotContain("secret");
            assertThat(result.getResponse().getContentAsString()).doesNotContain("secret", "IllegalState");
        }
    }

    @Test
    void theRequestIdIsEchoedInTheErrorBody() throws Exception {
        MvcResult result = mvc.perform(authorized(post(MESSAGES_PATH)).header("X-Request-ID", "my-request-1")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();

        assertThat(result.getResponse().getHeader("X-Request-ID")).isEqualTo("my-request-1");
        assertThat(json(result).get("requestId").asString()).isEqualTo("my-request-1");
    }
}
