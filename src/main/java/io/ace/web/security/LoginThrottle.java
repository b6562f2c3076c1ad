package io.ace.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed logins within {@code window}, for one
 * user or from one client address, every login for that user or from that address is refused for
 * a while, twice as long at each lockout in a row ({@code lockout}, 2×, 4×, ... up to
 * {@code maxLockout}), whatever the password. A successful login clears its user's record.
 */
public final class LoginThrottle {

    /** Users and addresses remembered at most; beyond, those not locked out are forgotten first. */
    static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Clock clock;
    private final Map<String, Record> records = new ConcurrentHashMap<>();

    /** Failures of one user or one address. */
    private static final class Record {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
        int lockouts;
        Instant last = Instant.MIN;
    }

    public LoginThrottle(int maxFailures, Duration window, Duration lockout, Duration maxLockout, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero() || maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("ace.serve.login: max-failures must be at least 1, window and lockout positive,"
                    + " max-lockout at least lockout");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.maxLockout = maxLockout;
        this.clock = clock;
    }

    /** How long a login for {@code user} (null: not known) from {@code address} must wait, or empty when it may go ahead. */
    public Optional<Duration> refusal(String user, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(user, address)) {
            Record r = records.get(key);
            if (r != null) {
                synchronized (r) {
                    if (r.lockedUntil.isAfter(now)) {
                        Duration left = Duration.between(now, r.lockedUntil);
                        wait = left.compareTo(wait) > 0 ? left : wait;
                    }
                }
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Records a failed login; the lockout it starts, if it starts one. */
    public Optional<Duration> failed(String user, String address) {
        Instant now = clock.instant();
        if (records.size() >= MAX_TRACKED) {
            forget(now);
        }
        Optional<Duration> started = Optional.empty();
        for (String key : keys(user, address)) {
            Record r = records.computeIfAbsent(key, k -> new Record());
            synchronized (r) {
                r.last = now;
                r.failures.addLast(now);
                while (!r.failures.isEmpty() && !r.failures.peekFirst().isAfter(now.minus(window))) {
                    r.failures.removeFirst();
                }
                if (r.failures.size() >= maxFailures) {
                    r.failures.clear();
                    r.lockouts++;
                    Duration length = lockout.multipliedBy(1L << Math.min(20, r.lockouts - 1));
                    length = length.compareTo(maxLockout) > 0 ? maxLockout : length;
                    r.lockedUntil = now.plus(length);
                    Duration chosen = length;
                    started = started.filter(d -> d.compareTo(chosen) >= 0).or(() -> Optional.of(chosen));
                }
            }
        }
        return started;
    }

    /** A login succeeded: its user's failures and lockouts are forgotten (its address's are not). */
    public void succeeded(String user) {
        if (user != null) {
            records.remove(userKey(user));
        }
    }

    /** Drops records that neither lock anyone out nor hold a failure still within the window. */
    private void forget(Instant now) {
        Instant stale = now.minus(window);
        records.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return !e.getValue().lockedUntil.isAfter(now) && !e.getValue().last.isAfter(stale);
            }
        });
    }

    private static String[] keys(String user, String address) {
        return user == null ? new String[] {"address:" + address} : new String[] {userKey(user), "address:" + address};
    }

    private static String userKey(String user) {
        return "user:" + UserName.normalised(user);
    }
}
