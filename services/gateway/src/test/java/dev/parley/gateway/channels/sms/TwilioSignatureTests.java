package dev.parley.gateway.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.gateway.channels.InvalidSignatureException;
import org.junit.jupiter.api.Test;

/** Twilio's signatures, checked against the example of Twilio's security documentation. */
class TwilioSignatureTests {

    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    static Map<String, List<String>> params() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("To", List.of("+18005551212"));
        params.put("CallSid", List.of("CA1234567890ABCDE"));
        params.put("From", List.of("+14158675310"));
        params.put("Caller", List.of("+14158675310"));
        params.put("Digits", List.of("1234"));
        return params;
    }

    @Test
    void documentedExampleComputesTheDocumentedSignatureWhateverTheParameterOrder() {
        assertThat(TwilioSignature.compute("12345", URL, params())).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    }

    @Test
    void aChangedParameterOrUrlDoesNotVerify() {
        Map<String, List<String>> changed = params();
        changed.put("Digits", List.of("1235"));
        assertThatThrownBy(() -> TwilioSignature.verify("12345", URL, changed, "GvWf1cFY/Q7PnoempGyD5oXAezc="))
                .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> TwilioSignature.verify("12345", "https://evil.example/myapp.php?foo=1&bar=2",
                params(), "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isInstanceOf(InvalidSignatureException.class);
        assertThatCode(() -> TwilioSignature.verify("12345", URL, params(), "GvWf1cFY/Q7PnoempGyD5oXAezc="))
                .doesNotThrowAnyException();
    }

    @Test
    void missingSignatureIsRefused() {
        assertThatThrownBy(() -> TwilioSignature.verify("12345", URL, params(), " "))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("is required");
    }
}
