package dev.parley.gateway.channels.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.parley.gateway.channels.InvalidSignatureException;
import dev.parley.gateway.channels.Signatures;

/**
 * Twilio's request signature: Base64 of HMAC-SHA1, keyed with the auth token, over the full URL Twilio called followed
 * by every POST parameter's name and value, sorted by name (values of a repeated name in order).
 */
final class TwilioSignature {

    static final String HEADER = "X-Twilio-Signature";

    private TwilioSignature() {
    }

    static String compute(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
            List<String> values = new ArrayList<>(param.getValue());
            values.sort(null);
            for (String value : values) {
                data.append(param.getKey()).append(value);
            }
        }
        return Base64.getEncoder().encodeToString(
                Signatures.hmacSha1(authToken, data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static void verify(String authToken, String url, Map<String, List<String>> params, String presented) {
        if (presented == null || presented.isBlank()) {
            throw new InvalidSignatureException("Header '" + HEADER + "' is required");
        }
        if (!Signatures.matches(compute(authToken, url, params), presented.strip())) {
            throw new InvalidSignatureException("Header '" + HEADER + "' does not match the request");
        }
    }
}
