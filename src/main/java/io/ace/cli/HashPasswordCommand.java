package io.ace.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;

/** {@code ace hash-password}: the bcrypt hash of a password for {@code ace.serve.users.NAME.password}. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Reads a password (from the terminal without echo, or one line of stdin) and prints its bcrypt hash.")
public class HashPasswordCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Console console = System.console();
        String password = console != null ? new String(console.readPassword("password: "))
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isEmpty()) {
            throw io.ace.exit.AceException.usage("no password given");
        }
        System.out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
        return 0;
    }
}
