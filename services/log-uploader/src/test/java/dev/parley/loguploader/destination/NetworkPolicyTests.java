package dev.parley.loguploader.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkPolicyTests {

    private final NetworkPolicy production = new NetworkPolicy(false, false);
    private final NetworkPolicy local = new NetworkPolicy(true, true);

    @Test
    void aPublicHttpsEndpointIsAccepted() {
        assertThat(production.refusal(URI.create("https://logs.example.com:8443/v1/ingest?src=parley"))).isEmpty();
        assertThat(production.refusal(URI.create("https://93.184.216.34/logs"))).isEmpty();
    }

    @Test
    void plainHttpNeedsTheOperatorsPermission() {
        assertThat(production.refusal(URI.create("http://logs.example.com/"))).hasValue("url must use https");
        assertThat(local.refusal(URI.create("http://logs.example.com/"))).isEmpty();
        assertThat(local.refusal(URI.create("ftp://logs.example.com/"))).hasValue("url must use https or http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/",
            "https://[fd00::1]/", "https://[fe80::1]/", "https://[::ffff:10.0.0.1]/", "https://localhost/",
            "https://api.localhost/", "https://metadata.google.internal/", "https://intranet/", "https://printer.local/"})
    void privateAndLoopbackTargetsAreRefusedInProduction(String url) {
        assertThat(production.refusal(URI.create(url))).isPresent();
        assertThat(local.refusal(URI.create(url))).isEmpty();
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThat(local.refusal(URI.create("https://user:pw@logs.example.com/")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("credentials"));
    }

    @Test
    void malformedAddressesAreRefused() {
        assertThat(production.refusal(URI.create("https://999.1.1.1/"))).isPresent();
        assertThat(production.refusal(URI.create("https://2130706433/"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "192.168.0.10", "169.254.1.1", "100.100.0.1", "::1", "fc00::1",
            "fe80::1", "224.0.0.1", "255.255.255.255", "0.0.0.0", "198.18.0.1", "64:ff9b::a00:1"})
    void resolvedPrivateAddressesAreForbidden(String address) throws UnknownHostException {
        assertThat(production.isForbidden(InetAddress.getByName(address))).isTrue();
        assertThat(local.isForbidden(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(production.isForbidden(InetAddress.getByName(address))).isFalse();
    }
}
