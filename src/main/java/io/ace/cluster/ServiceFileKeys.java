package io.ace.cluster;

import io.ace.exit.UserInput;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings a cluster's sections of the service file may hold. A key ACE does not act on is an
 * error, never ignored: {@code PORT=6201} ignored meant connecting to 5432 with the node's
 * credentials, and {@code hostaddr} ignored would mean connecting somewhere else than written.
 */
final class ServiceFileKeys {

    /** The libpq settings ACE passes on to the node's driver. */
    static final Set<String> USED = Set.of("host", "port", "dbname", "user", "password", "sslmode", "sslrootcert", "sslcert", "sslkey",
            "sslpassword");

    /** ACE's own settings, never passed to the driver nor shown in connection strings. */
    static final Set<String> OWN = Set.of(NodeDefinition.REGION, NodeDefinition.STATEMENT_TIMEOUT, NodeDefinition.FILTER_CHECK_TIMEOUT);

    /** libpq's connection parameters that ACE does not act on. */
    private static final Set<String> LIBPQ_UNUSED = Set.of("hostaddr", "passfile", "require_auth", "channel_binding", "connect_timeout",
            "client_encoding", "options", "application_name", "fallback_application_name", "keepalives", "keepalives_idle",
            "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslnegotiation", "sslcompression",
            "sslcertmode", "sslcrl", "sslcrldir", "sslsni", "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version",
            "krbsrvname", "gsslib", "gssdelegation", "service", "target_session_attrs", "load_balance_hosts");

    private ServiceFileKeys() {
    }

    /** What is wrong with a key and how to fix it, or null when ACE acts on it. */
    static String problem(String key) {
        if (USED.contains(key) || OWN.contains(key)) {
            return null;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (USED.contains(lower) || OWN.contains(lower)) {
            return UserInput.quoted(key) + " is not a setting: keys are lower case, write '" + lower + "'";
        }
        if (LIBPQ_UNUSED.contains(lower)) {
            return "libpq's " + UserInput.quoted(key) + " is not used by ACE, which would connect without it; remove it. Settings ACE uses: "
                    + known();
        }
        return UserInput.quoted(key) + " is not a setting ACE knows; correct or remove it. Settings ACE uses: " + known();
    }

    private static String known() {
        Set<String> all = new TreeSet<>(USED);
        all.addAll(OWN);
        return String.join(", ", all);
    }
}
