package io.ace.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Failed logins per user and per address: five in five minutes lock out for a minute, then two, four, ... */
class LoginThrottleTest {

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration d) {
            now = now.plus(d);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(3), clock);

    private void fail(int times, String user, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
            clock.pass(Duration.ofSeconds(1));
        }
    }

    @Test
    void fiveFailuresOfOneUserLockItOutFromEveryAddressForAGrowingTime() {
        fail(4, "alice", "10.0.0.1");
        assertThat(throttle.refusal("alice", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("Alice", "10.0.0.2")).contains(Duration.ofMinutes(1));
        assertThat(throttle.refusal("alice", "10.0.0.9")).contains(Duration.ofMinutes(1));
        assertThat(throttle.refusal("bob", "10.0.0.9")).isEmpty();

        clock.pass(Duration.ofMinutes(1));
        assertThat(throttle.refusal("alice", "10.0.0.9")).isEmpty();
        fail(4, "alice", "10.0.0.3");
        assertThat(throttle.failed("alice", "10.0.0.4")).contains(Duration.ofMinutes(2));
        clock.pass(Duration.ofMinutes(2));
        fail(4, "alice", "10.0.0.5");
        assertThat(throttle.failed("alice", "10.0.0.6")).as("capped").contains(Duration.ofMinutes(3));
    }

    @Test
    void fiveFailuresFromOneAddressLockOutEveryUserThere() {
        for (String user : new String[] {"a", "b", "c", "d"}) {
            fail(1, user, "10.0.0.1");
        }
        assertThat(throttle.failed(null, "10.0.0.1")).as("a bad token counts for the address").contains(Duration.ofMinutes(1));
        assertThat(throttle.refusal("e", "10.0.0.1")).isPresent();
        assertThat(throttle.refusal("e", "10.0.0.2")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowAndASuccessfulLoginAreForgotten() {
        fail(4, "alice", "10.0.0.1");
        clock.pass(Duration.ofMinutes(5));
        assertThat(throttle.failed("alice", "10.0.0.2")).isEmpty();
        fail(3, "carol", "10.0.0.3");
        throttle.succeeded("carol");
        fail(1, "carol", "10.0.0.4");
        assertThat(throttle.failed("carol", "10.0.0.5")).isEmpty();
    }
}
