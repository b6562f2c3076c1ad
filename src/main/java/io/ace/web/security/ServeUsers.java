package io.ace.web.security;

import io.ace.config.AceProperties;
import io.ace.operation.Role;
import io.ace.exit.AceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The configured users; with none configured, one {@code admin} whose generated password is
 * written to a file only its owner can read (never to the log), so a first start is usable and
 * still not open.
 */
public final class ServeUsers {

    public static final String INITIAL_ADMIN = "admin";
    public static final String INITIAL_PASSWORD_FILE = "serve-initial-admin-password";

    private final InMemoryUserDetailsManager details;
    private final List<String> description = new ArrayList<>();

    public ServeUsers(Map<String, AceProperties.User> configured, PasswordEncoder encoder, Path home) {
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, AceProperties.User> e : configured.entrySet()) {
            String hash = e.getValue().password();
            if (hash == null || !(hash.startsWith("{bcrypt}") || hash.startsWith("$2"))) {
                throw AceException.config("ace.serve.users." + e.getKey() + ".password must be a bcrypt hash ({bcrypt}$2a$...);"
                        + " make one with 'scripts/ace hash-password'");
            }
            String name = UserName.normalised(e.getKey());
            if (name.isEmpty() || users.stream().anyMatch(u -> u.getUsername().equals(name))) {
                throw AceException.config("ace.serve.users." + e.getKey() + ": user names must not be empty, and must differ in more than"
                        + " case and surrounding spaces (" + name + ")");
            }
            users.add(User.withUsername(name).password(hash).roles(e.getValue().role().name()).build());
            description.add(name + " (" + e.getValue().role() + ")");
        }
        if (users.isEmpty()) {
            Path file = home.resolve(INITIAL_PASSWORD_FILE);
            String password = initialPassword(file);
            users.add(User.withUsername(INITIAL_ADMIN).password(encoder.encode(password)).roles(Role.ADMIN.name()).build());
            description.add(INITIAL_ADMIN + " (ADMIN, no users configured: its password is in " + file + ")");
        }
        this.details = new InMemoryUserDetailsManager(users);
    }

    private static String initialPassword(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
            return password;
        } catch (IOException e) {
            throw AceException.config("cannot write the initial admin password to " + file + ": " + e.getMessage());
        }
    }

    /** The users by name, looked up as the login throttle counts them ({@link UserName}). */
    public UserDetailsService details() {
        return claimed -> details.loadUserByUsername(UserName.normalised(claimed));
    }

    /** One line per user for the start-up message: name and role, never a password. */
    public List<String> description() {
        return description;
    }
}
