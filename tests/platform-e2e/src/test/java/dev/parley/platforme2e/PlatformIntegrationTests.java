package dev.parley.platforme2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The platform scenarios, run against one platform started for all of them: a start costs about a minute of a 2-core
 * CI machine, and Surefire runs each top-level test class on its own, so the scenarios are nested groups of this one
 * class rather than classes of their own.
 */
class PlatformIntegrationTests {

    private static E2ePlatform platform;

    @BeforeAll
    static void startThePlatform() {
        platform = E2ePlatform.start();
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    static E2ePlatform platform() {
        if (platform == null) {
            throw new IllegalStateException("the platform is not running");
        }
        return platform;
    }

    /** Issue 4: callout failures lead the user into the bot's error dialog within the budget. */
    @Nested
    class CalloutFailures extends CalloutFailureScenarios {
    }

    /** Issue 5: a conversation's debug log and metrics for the admin, and its delivery to a log destination. */
    @Nested
    class DebugLogDelivery extends DebugLogDeliveryScenarios {
    }
}
