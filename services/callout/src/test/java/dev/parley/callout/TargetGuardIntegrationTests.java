package dev.parley.callout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.callout.api.InvocationResult;
import dev.parley.testkit.RealInfrastructure;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@RealInfrastructure(database = "callout", redis = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TargetGuardIntegrationTests {

    @LocalServerPort
    int port;

    CalloutClient client;
    SilentServer target;
    String orgId;

    @BeforeEach
    void setUp() {
        client = new CalloutClient(port);
        target = new SilentServer();
        orgId = CalloutClient.newOrgId();
    }

    @AfterEach
    void tearDown() throws IOException {
        target.close();
    }

    private InvocationResult invoke(String name, String url, boolean allowPrivate, boolean allowHttp) {
        client.define(orgId, name, """
                {"kind":"http","allowHttp":%s,"allowPrivateNetwork":%s,"timeouts":{"callMs":1000},
                 "http":{"urlTemplate":"%s"}}""".formatted(allowHttp, allowPrivate, url));
        return client.invoke(orgId, "http", name, Map.of(), null);
    }

    @Test
    void loopbackWithoutTheAllowListIsBlockedBeforeAnyConnection() {
        InvocationResult byIp = invoke("Loopback_Ip", "http://127.0.0.1:" + target.port() + "/x", false, true);
        InvocationResult byName = invoke("Loopback_Name", "http://localhost:" + target.port() + "/x", false, true);

        assertThat(byIp.error().code()).isEqualTo("TARGET_BLOCKED");
        assertThat(byIp.error().message()).contains("loopback");
        assertThat(byName.error().code()).isEqualTo("TARGET_BLOCKED");
        assertThat(target.accepted()).isZero();
    }

    @Test
    void theMetadataAddressIsBlockedEvenWithTheAllowList() {
        InvocationResult result = invoke("Metadata", "http://169.254.169.254/latest/meta-data/iam/", true, true);

        assertThat(result.error().code()).isEqualTo("TARGET_BLOCKED");
        assertThat(result.error().message()).contains("metadata");
        assertThat(result.durationMs()).isLessThan(500);
    }

    @Test
    void plainHttpWithoutAllowHttpIsBlockedBeforeAnyConnection() {
        InvocationResult result = invoke("Plain_Http", "http://127.0.0.1:" + target.port() + "/x", true, false);

        assertThat(result.error().code()).isEqualTo("TARGET_BLOCKED");
        assertThat(result.error().message()).contains("allowHttp");
        assertThat(target.accepted()).isZero();
    }

    @Test
    void blockedCallsAreNotRecordedSoAFixedEndpointRunsOnRetry() {
        String url = "http://127.0.0.1:" + target.port() + "/x";
        client.define(orgId, "Fixed_Later", """
                {"kind":"http","allowHttp":false,"allowPrivateNetwork":true,"http":{"urlTemplate":"%s"}}"""
                .formatted(url));
        InvocationResult blocked = client.invoke(orgId, new dev.parley.callout.api.InvocationRequest(
                "same-id", "http", "Fixed_Later", Map.of(), null));

        client.define(orgId, "Fixed_Later", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,"timeouts":{"callMs":200},
                 "http":{"urlTemplate":"%s"}}""".formatted(url));
        InvocationResult retried = client.invoke(orgId, new dev.parley.callout.api.InvocationRequest(
                "same-id", "http", "Fixed_Later", Map.of(), null));
        InvocationResult replayed = client.invoke(orgId, new dev.parley.callout.api.InvocationRequest(
                "same-id", "http", "Fixed_Later", Map.of(), null));

        assertThat(blocked.error().code()).isEqualTo("TARGET_BLOCKED");
        assertThat(retried.error().code()).isEqualTo("TIMEOUT");
        assertThat(target.accepted()).isEqualTo(1);
        assertThat(replayed.replayed()).isTrue();
    }
}
