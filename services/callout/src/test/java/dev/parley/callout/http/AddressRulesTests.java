package dev.parley.callout.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTests {

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.1.2.3", "10.0.0.8", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.10.10", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1",
            "::ffff:127.0.0.1", "::ffff:10.1.2.3", "64:ff9b::a00:1", "2002:7f00:1::" })
    void privateAndLocalAddressesAreRefusedUnlessAllowed(String ip) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(ip); // an IP literal: no DNS lookup

        assertThat(AddressRules.refusal(address, false)).as(ip).isNotNull();
        assertThat(AddressRules.refusal(address, true)).as(ip).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "169.254.169.254", "::ffff:169.254.169.254", "fd00:ec2::254", "224.0.0.1", "239.1.1.1",
            "255.255.255.255", "ff02::1" })
    void metadataMulticastAndBroadcastAreRefusedEvenWhenPrivateNetworksAreAllowed(String ip) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(ip);

        assertThat(AddressRules.refusal(address, true)).as(ip).isNotNull();
        assertThat(AddressRules.refusal(address, false)).as(ip).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "2606:4700::1111",
            "::ffff:8.8.8.8" })
    void publicAddressesAreAllowed(String ip) throws UnknownHostException {
        assertThat(AddressRules.refusal(InetAddress.getByName(ip), false)).as(ip).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "169.254.169.254" })
    void refusalsSayWhatKindOfAddressItIs(String ip) throws UnknownHostException {
        assertThat(AddressRules.refusal(InetAddress.getByName(ip), false))
                .isIn("a loopback address", "the cloud metadata address");
    }
}
