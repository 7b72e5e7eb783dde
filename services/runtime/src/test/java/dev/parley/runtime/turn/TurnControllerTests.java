package dev.parley.runtime.turn;

import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.TurnErrorCode;
import dev.parley.runtime.api.TurnReply;
import dev.parley.runtime.sessionstore.SessionStoreFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TurnController.class)
class TurnControllerTests {

    private static final String SESSION = "7d0f5a38-1c55-3b43-9a4c-6e1c0b6a1f00";
    private static final String MESSAGES = "/internal/v1/orgs/org1/sessions/" + SESSION + "/messages";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private TurnService turns;

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new BotNotFoundException("Bot x not found"), TurnErrorCode.BOT_NOT_FOUND),
                Arguments.of(new SessionNotFoundException(SESSION), TurnErrorCode.SESSION_NOT_FOUND),
                Arguments.of(new SessionAlreadyEndedException(SESSION), TurnErrorCode.SESSION_ENDED),
                Arguments.of(new InvalidTurnInputException("choice index 9 is out of range"),
                        TurnErrorCode.INVALID_INPUT),
                Arguments.of(new StaleSequenceException(SESSION, 1, 2), TurnErrorCode.STALE_SEQUENCE),
                Arguments.of(new BotFailedException("loop", null), TurnErrorCode.BOT_ERROR),
                Arguments.of(new TurnTimedOutException(SESSION, 21_000), TurnErrorCode.UNAVAILABLE),
                Arguments.of(SessionStoreFailures.busy(SESSION), TurnErrorCode.SESSION_BUSY),
                Arguments.of(SessionStoreFailures.fencedOut(SESSION, 7), TurnErrorCode.SESSION_BUSY),
                Arguments.of(SessionStoreFailures.unavailable("connection refused"), TurnErrorCode.UNAVAILABLE));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusedTurnsAreProblemDetailsWithTheirCode(Exception failure, TurnErrorCode code) throws Exception {
        given(turns.message(eq("org1"), eq(SESSION), any())).willThrow(failure);

        mvc.perform(post(MESSAGES).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"TEXT\",\"sequenceId\":1,\"text\":\"hi\"}"))
                .andExpect(status().is(code.httpStatus()))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code.name()))
                .andExpect(jsonPath("$.status").value(code.httpStatus()));
    }

    @Test
    void unavailableDependenciesAreNotDescribedToTheCaller() throws Exception {
        given(turns.message(eq("org1"), eq(SESSION), any()))
                .willThrow(SessionStoreFailures.unavailable("http://10.0.0.7:8082 refused"));

        mvc.perform(post(MESSAGES).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"TEXT\",\"sequenceId\":1,\"text\":\"hi\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(not(containsString("10.0.0.7"))));
    }

    @Test
    void anUnknownMessageTypeIsInvalidInput() throws Exception {
        mvc.perform(post(MESSAGES).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"VOICE\",\"sequenceId\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"));
    }

    @Test
    void malformedJsonIsInvalidInput() throws Exception {
        mvc.perform(post(MESSAGES).contentType(MediaType.APPLICATION_JSON).content("{\"type\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"));
    }

    @Test
    void aTurnAnswersItsReply() throws Exception {
        given(turns.message(eq("org1"), eq(SESSION), any(MessageCommand.class)))
                .willReturn(new TurnReply(SESSION, "0X9000000000001AAA", List.of(1L), List.of(), List.of(),
                        "0a1b2c3d"));

        mvc.perform(post(MESSAGES).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"TEXT\",\"sequenceId\":1,\"text\":\"hi\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessionId").value(SESSION))
                .andExpect(jsonPath("$.processedSequenceIds[0]").value(1))
                .andExpect(jsonPath("$.runtimeCrc").value("0a1b2c3d"));
    }

    @Test
    void anEndWithoutBodyEndsForTheDefaultReason() throws Exception {
        given(turns.end(eq("org1"), eq(SESSION), any()))
                .willReturn(new TurnReply(SESSION, "0X9000000000001AAA", List.of(), List.of(), List.of(), "0"));

        mvc.perform(post("/internal/v1/orgs/org1/sessions/" + SESSION + "/end"))
                .andExpect(status().isOk());

        verify(turns).end("org1", SESSION, new EndSessionCommand(null));
    }
}
