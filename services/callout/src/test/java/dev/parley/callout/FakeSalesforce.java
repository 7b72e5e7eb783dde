package dev.parley.callout;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A Salesforce org on loopback speaking the real wire formats: the OAuth token endpoint (JWT bearer with a verified
 * RS256 assertion, client credentials), Apex REST, flow actions and SOQL query, each refusing unknown or expired
 * tokens with Salesforce's 401 body.
 */
public final class FakeSalesforce implements AutoCloseable {

    public static final String CONSUMER_KEY = "3MVG9-test-consumer-key";
    public static final String USERNAME = "integration@acme.example";
    public static final String CLIENT_ID = "3MVG9-client-id";
    public static final String CLIENT_SECRET = "client-secret-value";

    private static final KeyPair KEYS = keys();

    private final FakeServer server = new FakeServer();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int tokenStatus = 200;

    public FakeSalesforce() {
        server.on("/services/oauth2/token", this::token);
        server.on("/services/apexrest/", exchange -> {
            if (authorized(exchange)) {
                apex(exchange);
            }
        });
        server.on("/services/data/v62.0/actions/custom/flow/", exchange -> {
            if (authorized(exchange)) {
                flow(exchange);
            }
        });
        server.on("/services/data/v62.0/query", exchange -> {
            if (authorized(exchange)) {
                query(exchange);
            }
        });
    }

    public String url() {
        return server.url();
    }

    public FakeServer server() {
        return server;
    }

    /** Tokens issued so far. */
    public int tokensIssued() {
        return issued.get();
    }

    /** Revokes every token, as a session timeout would. */
    public void expireTokens() {
        validTokens.clear();
    }

    /** Makes the token endpoint answer {@code status} (400 = invalid_grant). */
    public void tokenEndpointAnswers(int status) {
        this.tokenStatus = status;
    }

    /** The connected app's private key, PEM PKCS#8. */
    public static String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(FakeServer.body(exchange));
        if (tokenStatus != 200) {
            FakeServer.json(exchange, tokenStatus,
                    "{\"error\":\"invalid_grant\",\"error_description\":\"user hasn't approved this consumer\"}");
            return;
        }
        String grant = form.get("grant_type");
        boolean ok = switch (String.valueOf(grant)) {
            case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> validAssertion(form.get("assertion"));
            case "client_credentials" -> CLIENT_ID.equals(form.get("client_id"))
                    && CLIENT_SECRET.equals(form.get("client_secret"));
            default -> false;
        };
        if (!ok) {
            FakeServer.json(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"invalid assertion\"}");
            return;
        }
        String token = "00Dxx0000001gPL!AR8AQ" + issued.incrementAndGet();
        validTokens.add(token);
        FakeServer.json(exchange, 200, "{\"access_token\":\"" + token + "\",\"scope\":\"api\",\"instance_url\":\""
                + url() + "\",\"id\":\"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS\","
                + "\"token_type\":\"Bearer\"}");
    }

    private static boolean validAssertion(String assertion) {
        if (assertion == null) {
            return false;
        }
        String[] parts = assertion.split("\\.");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(KEYS.getPublic());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode claims = CalloutClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return CONSUMER_KEY.equals(claims.get("iss").asString()) && USERNAME.equals(claims.get("sub").asString())
                    && claims.get("aud").asString().startsWith("https://login.salesforce.com")
                    && claims.get("exp").asLong() > System.currentTimeMillis() / 1000;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Bearer ") && validTokens.contains(header.substring(7))) {
            return true;
        }
        FakeServer.json(exchange, 401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        return false;
    }

    /** {@code /services/apexrest/orders/status}: echoes the order id with a status. */
    private void apex(HttpExchange exchange) throws IOException {
        JsonNode body = CalloutClient.JSON.readTree(FakeServer.body(exchange));
        String orderId = body.path("orderId").asString();
        FakeServer.json(exchange, 200, "{\"orderId\":\"" + orderId + "\",\"status\":\"Shipped\",\"eta\":{\"days\":2}}");
    }

    /** {@code /services/data/v62.0/actions/custom/flow/Get_Case_Status}. */
    private void flow(HttpExchange exchange) throws IOException {
        JsonNode body = CalloutClient.JSON.readTree(FakeServer.body(exchange));
        String caseNumber = body.path("inputs").path(0).path("caseNumber").asString();
        if (caseNumber.isEmpty()) {
            FakeServer.json(exchange, 400, "[{\"actionName\":\"Get_Case_Status\",\"errors\":[{\"statusCode\":"
                    + "\"REQUIRED_FIELD_MISSING\",\"message\":\"Missing required input parameter: caseNumber\","
                    + "\"fields\":[]}],\"isSuccess\":false,\"outputValues\":null,\"version\":1}]");
            return;
        }
        FakeServer.json(exchange, 200, "[{\"actionName\":\"Get_Case_Status\",\"errors\":null,\"isSuccess\":true,"
                + "\"outputValues\":{\"caseStatus\":\"Escalated\",\"Flow__InterviewStatus\":\"Finished\"},\"version\":1}]");
    }

    /** {@code /services/data/v62.0/query?q=...}: one Account for 'Acme', none otherwise. */
    private void query(HttpExchange exchange) throws IOException {
        String q = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring(2), StandardCharsets.UTF_8);
        if (q.contains("'Acme'")) {
            FakeServer.json(exchange, 200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":"
                    + "\"Account\",\"url\":\"/services/data/v62.0/sobjects/Account/001xx000003DGb2AAG\"},"
                    + "\"Id\":\"001xx000003DGb2AAG\",\"Name\":\"Acme\",\"Owner\":{\"attributes\":{\"type\":\"User\"},"
                    + "\"Name\":\"Ada\"}}]}");
        } else {
            FakeServer.json(exchange, 200, "{\"totalSize\":0,\"done\":true,\"records\":[]}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
