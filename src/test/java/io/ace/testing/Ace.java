package io.ace.testing;

import io.ace.AceApplication;
import io.ace.Operations;
import io.ace.cli.CommandLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs ACE commands in-process exactly as the launcher does (same context, same command line,
 * same exit codes), against a cluster's service file and a job repository of its own.
 */
public final class Ace implements AutoCloseable {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Operations whose reports go to this instance's output directory unless told otherwise. */
    private static final List<String> WRITE_REPORTS = List.of("table-diff", "repset-diff", "schema-diff", "spock-diff",
            "mtree-table-diff");

    private final ConfigurableApplicationContext context;
    private final Path home;
    private final Path outputDir;

    public Ace(Path serviceFile, Path home, String... properties) {
        // as command-line properties: they must win over application.properties and the environment
        List<String> props = new ArrayList<>(List.of("--ACE_PGSERVICEFILE=" + serviceFile, "--ace.home=" + home));
        for (String p : properties) {
            props.add("--" + p);
        }
        // the reports directory is where this instance writes unless told otherwise (restarts and --from-execution read there)
        if (props.stream().noneMatch(p -> p.startsWith("--ace.serve.output-dir="))) {
            props.add("--ace.serve.output-dir=" + home.resolve("out"));
        }
        this.context = new SpringApplicationBuilder(AceApplication.class).web(WebApplicationType.NONE)
                .run(props.toArray(String[]::new));
        this.home = home;
        this.outputDir = home.resolve("out");
    }

    /** The home directory: another {@code Ace} on it shares the job repository, as a second process would. */
    public Path home() {
        return home;
    }

    /** The result of one command: exit code, stdout, stderr, and the diff file it wrote (if any). */
    public record Result(int exitCode, String out, String err, Path diffFile) {

        /** The result of a command that printed {@code out}: the diff file is the one its "diff file:" line names. */
        public static Result of(int exitCode, String out, String err) {
            return new Result(exitCode, out, err, out.lines().filter(l -> l.startsWith("diff file: ")).map(l -> Path.of(l.substring(11)))
                    .findFirst().orElse(null));
        }

        public JsonNode diff() {
            if (diffFile == null) {
                throw new AssertionError("no diff file was written; exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err);
            }
            try {
                return MAPPER.readTree(Files.readString(diffFile));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The keys the diff file lists, over every pair and side: the key columns' values joined by '|'. */
        public java.util.Set<String> diffKeys(String... keyColumns) {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            diff().path("diffs").properties().forEach(pair -> pair.getValue().path("rows").properties().forEach(side ->
                    side.getValue().forEach(row -> {
                        List<String> parts = new ArrayList<>();
                        for (String k : keyColumns) {
                            parts.add(row.path(k).asString());
                        }
                        keys.add(String.join("|", parts));
                    })));
            return keys;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    public Path outputDir() {
        return outputDir;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /**
     * Runs one command. Commands may run on several threads at once (of one context or several):
     * what a command's own thread prints is its alone; what other threads print meanwhile (the
     * steps' log lines) goes to every command running then.
     */
    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && WRITE_REPORTS.contains(all.get(0)) && !all.contains("--output-dir")) {
            all.add("--output-dir");
            all.add(outputDir.toString());
        }
        return captured(() -> {
            var cl = CommandLines.create(context, all.toArray(String[]::new));
            cl.setOut(new java.io.PrintWriter(System.out, true));
            cl.setErr(new java.io.PrintWriter(System.err, true));
            return cl.execute(all.toArray(String[]::new));
        });
    }

    /**
     * Answers a command line as the launcher does before the application starts (help, version,
     * usage errors); exit code -1 when it must run.
     */
    public static Result runAlone(String... args) {
        return captured(() -> {
            OptionalInt answered = CommandLines.answeredAlone(Operations.registry(() -> {
                throw new IllegalStateException("no job before the application starts");
            }), args);
            return answered.isPresent() ? answered.getAsInt() : null;
        });
    }

    private static Result captured(java.util.function.Supplier<Integer> command) {
        Capture out = OUT.begin();
        Capture err = ERR.begin();
        Integer code;
        try {
            code = command.get();
        } finally {
            OUT.end(out);
            ERR.end(err);
        }
        return Result.of(code == null ? -1 : code, out.text(), err.text());
    }

    private static final CapturedStream OUT = new CapturedStream(System.out, System::setOut);
    private static final CapturedStream ERR = new CapturedStream(System.err, System::setErr);

    /** What one command printed to one stream. */
    private static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** System.out or System.err, replaced once by a stream that hands each write to the commands running. */
    private static final class CapturedStream extends java.io.OutputStream {
        private final PrintStream original;
        private final ThreadLocal<Capture> own = new ThreadLocal<>();
        private final java.util.Set<Capture> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

        CapturedStream(PrintStream original, java.util.function.Consumer<PrintStream> install) {
            this.original = original;
            install.accept(new PrintStream(this, true, StandardCharsets.UTF_8));
        }

        Capture begin() {
            Capture c = new Capture();
            own.set(c);
            running.add(c);
            return c;
        }

        void end(Capture c) {
            own.remove();
            running.remove(c);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Capture mine = own.get();
            if (mine != null) {
                mine.write(b, off, len);
            } else if (!running.isEmpty()) {
                running.forEach(c -> c.write(b, off, len));
            } else {
                original.write(b, off, len);
            }
        }
    }

    /** The JSON summary a run on many tables (or the replication configuration) wrote. */
    public static JsonNode summary(Result result) {
        Path file = result.out().lines().filter(l -> l.startsWith("summary: ")).map(l -> Path.of(l.substring(9))).findFirst()
                .orElseThrow(() -> new AssertionError("no summary was written; " + result));
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files in the output directory (to prove that failed runs wrote nothing). */
    public List<Path> outputFiles() {
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(outputDir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
