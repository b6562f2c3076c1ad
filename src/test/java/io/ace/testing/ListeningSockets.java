package io.ace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which local addresses a TCP port listens on, as the kernel lists them ({@code /proc/net/tcp} and {@code tcp6}). */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** The addresses listening on {@code port}: {@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::}, {@code ::ffff:127.0.0.1}, ... */
    public static List<String> addresses(int port) {
        List<String> found = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    String[] local = f[1].split(":");
                    if (f[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                        found.add(address(local[0]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** Whether every address is a loopback one (and there is at least one). */
    public static boolean loopbackOnly(int port) {
        List<String> a = addresses(port);
        return !a.isEmpty() && a.stream().allMatch(s -> s.equals("127.0.0.1") || s.equals("::1") || s.equals("::ffff:127.0.0.1"));
    }

    /** The kernel prints addresses as 32-bit words in host (little-endian) order. */
    private static String address(String hex) {
        if (hex.length() == 8) {
            return ipv4(hex);
        }
        String[] words = new String[4];
        for (int i = 0; i < 4; i++) {
            String w = hex.substring(i * 8, i * 8 + 8);
            words[i] = w.substring(6, 8) + w.substring(4, 6) + w.substring(2, 4) + w.substring(0, 2);
        }
        String all = String.join("", words).toLowerCase();
        if (all.equals("00000000000000000000000000000000")) {
            return "::";
        }
        if (all.equals("00000000000000000000000000000001")) {
            return "::1";
        }
        if (all.startsWith("00000000000000000000ffff")) {
            return "::ffff:" + ipv4(hex.substring(24));
        }
        return all;
    }

    private static String ipv4(String hex) {
        long v = Long.parseLong(hex, 16);
        return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
    }
}
