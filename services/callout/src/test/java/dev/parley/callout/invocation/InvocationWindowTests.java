package dev.parley.callout.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.callout.api.InvocationResult;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InvocationWindowTests {

    private static InvocationResult result(String id) {
        return new InvocationResult(id, "SUCCEEDED", Map.of(), null, 1, false);
    }

    @Test
    void aRepeatedIdGetsTheFirstClaimsResult() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100);
        InvocationWindow.Key key = new InvocationWindow.Key("org", "i-1");

        InvocationWindow.Claim first = window.claim(key, "A");
        first.result().complete(result("i-1"));
        InvocationWindow.Claim second = window.claim(key, "A");

        assertThat(first.owner()).isTrue();
        assertThat(second.owner()).isFalse();
        assertThat(second.result().join()).isEqualTo(result("i-1"));
    }

    @Test
    void theSameIdInAnotherOrgIsAnotherInvocation() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100);

        window.claim(new InvocationWindow.Key("org-a", "i-1"), "A");

        assertThat(window.claim(new InvocationWindow.Key("org-b", "i-1"), "A").owner()).isTrue();
    }

    @Test
    void aReleasedClaimRunsAgain() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100);
        InvocationWindow.Key key = new InvocationWindow.Key("org", "i-1");
        InvocationWindow.Claim first = window.claim(key, "A");

        window.release(key, first, result("i-1"));

        assertThat(window.claim(key, "A").owner()).isTrue();
        assertThat(first.result().join()).isEqualTo(result("i-1"));
    }

    @Test
    void expiredRecordsAreForgotten() throws InterruptedException {
        InvocationWindow window = new InvocationWindow(TimeUnit.MILLISECONDS.toNanos(20), 100);
        InvocationWindow.Key key = new InvocationWindow.Key("org", "i-1");
        window.claim(key, "A").result().complete(result("i-1"));

        Thread.sleep(30);

        assertThat(window.claim(key, "A").owner()).isTrue();
    }

    @Test
    void staysWithinItsSizeBound() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100);

        for (int i = 0; i < 1_000; i++) {
            window.claim(new InvocationWindow.Key("org", "i-" + i), "A").result().complete(result("i-" + i));
        }

        assertThat(window.size()).isLessThanOrEqualTo(101);
        assertThat(window.claim(new InvocationWindow.Key("org", "i-0"), "A").owner()).isTrue();
        assertThat(window.claim(new InvocationWindow.Key("org", "i-999"), "A").owner()).isFalse();
    }
}
