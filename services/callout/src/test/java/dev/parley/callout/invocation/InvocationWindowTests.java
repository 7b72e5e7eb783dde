package dev.parley.callout.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.callout.api.InvocationError;
import dev.parley.callout.api.InvocationResult;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class InvocationWindowTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MB = 1 << 20;

    private static InvocationResult result(String id) {
        return new InvocationResult(id, "SUCCEEDED", Map.of(), null, 1, false);
    }

    @Test
    void aRepeatedIdGetsTheFirstClaimsResult() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100, MB, JSON);
        InvocationWindow.Key key = new InvocationWindow.Key("org", "i-1");

        InvocationWindow.Claim first = window.claim(key, "A");
        InvocationWindow.Claim whileRunning = window.claim(key, "A");
        window.record(key, first, result("i-1"));
        InvocationWindow.Claim afterwards = window.claim(key, "A");

        assertThat(first.owner()).isTrue();
        assertThat(whileRunning.owner()).isFalse();
        assertThat(whileRunning.result().join()).isEqualTo(result("i-1"));
        assertThat(afterwards.owner()).isFalse();
        assertThat(afterwards.actionName()).isEqualTo("A");
        assertThat(afterwards.result().join()).isEqualTo(result("i-1"));
    }

    @Test
    void aRecordedResultComesBackWithItsOutputsErrorAndActionName() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100, MB, JSON);
        InvocationWindow.Key key = new InvocationWindow.Key("org", "i-1");
        InvocationResult failed = new InvocationResult("i-1", "FAILED", Map.of("partial", "yes", "count", 3),
                new InvocationError("HTTP_ERROR", "the API answered 500: Ünïcode", 500), 42, false);

        window.record(key, window.claim(key, "Lookup_Order"), failed);
        InvocationWindow.Claim replayed = window.claim(key, "Other");

        assertThat(replayed.owner()).isFalse();
        assertThat(replayed.actionName()).isEqualTo("Lookup_Order");
        assertThat(replayed.result().join()).isEqualTo(failed);
    }

    @Test
    void aCallStillRunningOutlivesTheResultsRecordedMeanwhile() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100, MB, JSON);
        InvocationWindow.Key key = new InvocationWindow.Key("org", "slow");
        InvocationWindow.Claim slow = window.claim(key, "A");
        for (int i = 0; i < 1_000; i++) {
            InvocationWindow.Key other = new InvocationWindow.Key("org", "i-" + i);
            window.record(other, window.claim(other, "A"), result("i-" + i));
        }

        assertThat(window.claim(key, "A").owner()).isFalse();
        window.record(key, slow, result("slow"));

        assertThat(window.claim(key, "A").result().join()).isEqualTo(result("slow"));
    }

    @Test
    void theSameIdInAnotherOrgIsAnotherInvocation() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100, MB, JSON);

        window.claim(new InvocationWindow.Key("org-a", "i-1"), "A");

        assertThat(window.claim(new InvocationWindow.Key("org-b", "i-1"), "A").owner()).isTrue();
    }

    @Test
    void aReleasedClaimRunsAgain() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100, MB, JSON);
        InvocationWindow.Key key = new InvocationWindow.Key("org", "i-1");
        InvocationWindow.Claim first = window.claim(key, "A");

        window.release(key, first, result("i-1"));

        assertThat(window.claim(key, "A").owner()).isTrue();
        assertThat(first.result().join()).isEqualTo(result("i-1"));
    }

    @Test
    void expiredRecordsAreForgotten() throws InterruptedException {
        InvocationWindow window = new InvocationWindow(TimeUnit.MILLISECONDS.toNanos(20), 100, MB, JSON);
        InvocationWindow.Key key = new InvocationWindow.Key("org", "i-1");
        window.record(key, window.claim(key, "A"), result("i-1"));

        Thread.sleep(30);

        assertThat(window.claim(key, "A").owner()).isTrue();
    }

    @Test
    void staysWithinItsSizeBound() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100, MB, JSON);

        for (int i = 0; i < 1_000; i++) {
            InvocationWindow.Key key = new InvocationWindow.Key("org", "i-" + i);
            window.record(key, window.claim(key, "A"), result("i-" + i));
        }

        assertThat(window.size()).isLessThanOrEqualTo(101);
        assertThat(window.claim(new InvocationWindow.Key("org", "i-0"), "A").owner()).isTrue();
        assertThat(window.claim(new InvocationWindow.Key("org", "i-999"), "A").owner()).isFalse();
    }

    @Test
    void everyIdOfABusyWindowReplaysItsOwnResult() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100_000, 64 * MB, JSON);
        for (int i = 0; i < 20_000; i++) {
            InvocationWindow.Key key = new InvocationWindow.Key("org-" + (i % 7), "i-" + i);
            window.record(key, window.claim(key, "A" + (i % 3)), result("i-" + i));
        }

        for (int i = 0; i < 20_000; i += 97) {
            InvocationWindow.Claim claim = window.claim(new InvocationWindow.Key("org-" + (i % 7), "i-" + i), "A");
            assertThat(claim.owner()).isFalse();
            assertThat(claim.actionName()).isEqualTo("A" + (i % 3));
            assertThat(claim.result().join()).isEqualTo(result("i-" + i));
        }
        assertThat(window.claim(new InvocationWindow.Key("org-1", "i-0"), "A").owner()).isTrue();
        assertThat(window.size()).isEqualTo(20_001);
    }

    @Test
    void anIdRecordedAgainAfterExpiringReplaysTheLaterResult() throws InterruptedException {
        InvocationWindow window = new InvocationWindow(TimeUnit.MILLISECONDS.toNanos(50), 100, MB, JSON);
        InvocationWindow.Key key = new InvocationWindow.Key("org", "i-1");
        InvocationWindow.Key other = new InvocationWindow.Key("org", "i-2");
        window.record(key, window.claim(key, "A"), result("first"));
        Thread.sleep(30);
        window.record(other, window.claim(other, "A"), result("keeps the first chunk alive"));
        Thread.sleep(30);

        InvocationWindow.Claim again = window.claim(key, "A");
        window.record(key, again, result("second"));

        assertThat(again.owner()).isTrue();
        assertThat(window.claim(key, "A").result().join()).isEqualTo(result("second"));
    }

    @Test
    void staysWithinItsByteBoundAndKeepsAResultLargerThanAChunk() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100_000, MB, JSON);
        for (int i = 0; i < 500; i++) {
            InvocationWindow.Key key = new InvocationWindow.Key("org", "i-" + i);
            window.record(key, window.claim(key, "A"), large("i-" + i, 10_000));
        }
        InvocationWindow.Key huge = new InvocationWindow.Key("org", "huge");
        window.record(huge, window.claim(huge, "A"), large("huge", 200_000)); // chunks are 64 KB here

        assertThat(window.recordedBytes()).isLessThanOrEqualTo(MB);
        assertThat(window.claim(new InvocationWindow.Key("org", "i-0"), "A").owner()).isTrue();
        assertThat(window.claim(new InvocationWindow.Key("org", "i-499"), "A").result().join())
                .isEqualTo(large("i-499", 10_000));
        assertThat(window.claim(huge, "A").result().join()).isEqualTo(large("huge", 200_000));
    }

    @Test
    void aResultLargerThanTheWholeWindowIsNotKept() {
        InvocationWindow window = new InvocationWindow(TimeUnit.MINUTES.toNanos(1), 100, MB, JSON);
        InvocationWindow.Key key = new InvocationWindow.Key("org", "i-1");
        InvocationWindow.Claim claim = window.claim(key, "A");

        window.record(key, claim, large("i-1", 2_000_000));

        assertThat(claim.result().join()).isEqualTo(large("i-1", 2_000_000));
        assertThat(window.claim(key, "A").owner()).isTrue();
        assertThat(window.recordedBytes()).isZero();
    }

    private static InvocationResult large(String id, int chars) {
        return new InvocationResult(id, "SUCCEEDED", Map.of("text", "x".repeat(chars)), null, 1, false);
    }
}
