package io.ace.schedule;

import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import io.ace.launch.LaunchFields;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the job definitions of a directory, one YAML file per job. Every problem is reported with
 * the file, line and column it comes from, and a bad file never keeps the others from loading.
 * YAML is read as nodes rather than objects because only nodes know where they are in the file.
 */
public final class DefinitionLoader {

    /** The definitions that can be scheduled, and the problems of the others. */
    public record Loaded(List<ScheduleDefinition> definitions, List<DefinitionError> errors) {
    }

    private static final Set<String> FIELDS = Set.of("name", "cron", "time_zone", "operation", "cluster", "target", "flags", "enabled");
    private static final List<String> REQUIRED = List.of("name", "cron", "operation", "target");
    /** The scheduler sets these itself: the run key names the fire, the output directory is the server's. */
    private static final Set<String> RESERVED_FLAGS = Set.of("run-key", "output-dir");
    /** Names end up in run keys and file names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Pattern FLAG = Pattern.compile("[a-z][a-z0-9-]*");

    private final List<String> operations;
    private final Consumer<LaunchFields> commandCheck;
    private final Set<String> targetless;

    /**
     * @param operations   the operations a definition may name
     * @param commandCheck throws {@link AceException} for a launch the launch grammar refuses
     */
    public DefinitionLoader(List<String> operations, Consumer<LaunchFields> commandCheck) {
        this(operations, commandCheck, Set.of());
    }

    private DefinitionLoader(List<String> operations, Consumer<LaunchFields> commandCheck, Set<String> targetless) {
        this.operations = List.copyOf(operations);
        this.commandCheck = commandCheck;
        this.targetless = Set.copyOf(targetless);
    }

    /** The same loader, for which definitions of these operations (on a whole cluster) need no target. */
    public DefinitionLoader targetOptionalFor(java.util.Collection<String> operationsOnACluster) {
        return new DefinitionLoader(operations, commandCheck, Set.copyOf(operationsOnACluster));
    }

    /** The {@code *.yml} and {@code *.yaml} files of a directory, in name order; none when it does not exist. */
    public static List<Path> definitionFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                // a leading dot marks editors' temporary copies
                return !name.startsWith(".") && (name.endsWith(".yml") || name.endsWith(".yaml")) && Files.isRegularFile(f);
            }).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list job definitions in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Loaded load(Path dir) {
        List<ScheduleDefinition> definitions = new ArrayList<>();
        List<DefinitionError> errors = new ArrayList<>();
        Map<String, DefinitionError> nameOwners = new HashMap<>();
        for (Path file : definitionFiles(dir)) {
            FileParse parse = new FileParse(file, errors);
            ScheduleDefinition definition = parse.definition();
            if (definition == null) {
                continue;
            }
            DefinitionError here = parse.at(parse.nameMark, "");
            DefinitionError owner = nameOwners.putIfAbsent(definition.name(), here);
            if (owner != null) {
                errors.add(parse.at(parse.nameMark, "name '" + definition.name() + "' is already used by " + owner.file()
                        + " line " + owner.line()));
            } else {
                definitions.add(definition);
            }
        }
        return new Loaded(List.copyOf(definitions), List.copyOf(errors));
    }

    /** The parse of one file, collecting every error it finds. */
    private final class FileParse {

        private final Path file;
        private final List<DefinitionError> errors;
        private final int errorsBefore;
        private Mark nameMark;

        FileParse(Path file, List<DefinitionError> errors) {
            this.file = file;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        DefinitionError at(Mark mark, String message) {
            return new DefinitionError(file, mark.getLine() + 1, mark.getColumn() + 1, message);
        }

        private void error(Mark mark, String message) {
            errors.add(at(mark, message));
        }

        private boolean failed() {
            return errors.size() > errorsBefore;
        }

        /** The definition, or null when the file has errors (then recorded). */
        ScheduleDefinition definition() {
            Node root;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                root = new Yaml(new LoaderOptions()).compose(reader);
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String problem = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
                errors.add(mark == null ? new DefinitionError(file, 1, 1, "bad YAML: " + problem) : at(mark, "bad YAML: " + problem));
                return null;
            } catch (YAMLException | IOException e) {
                errors.add(new DefinitionError(file, 1, 1, "cannot read: " + e.getMessage()));
                return null;
            }
            if (root == null) {
                errors.add(new DefinitionError(file, 1, 1, "empty definition; expected the fields " + String.join(", ", REQUIRED)));
                return null;
            }
            if (!(root instanceof MappingNode mapping)) {
                error(root.getStartMark(), "expected a mapping of fields (name: ..., cron: ...)");
                return null;
            }
            Map<String, NodeTuple> fields = fields(mapping.getValue(), "field", FIELDS);
            for (String required : REQUIRED) {
                if (!fields.containsKey(required) && !(required.equals("target") && onWholeCluster(fields.get("operation")))) {
                    error(root.getStartMark(), "missing field '" + required + "'");
                }
            }
            String name = text(fields.get("name"));
            if (name != null) {
                nameMark = fields.get("name").getValueNode().getStartMark();
                if (!NAME.matcher(name).matches()) {
                    error(nameMark, "name '" + name + "' must be letters, digits, '_', '.', '-' (at most 100, not starting with a symbol)");
                }
            }
            CronExpression cron = cron(fields.get("cron"));
            ZoneId zone = zone(fields.get("time_zone"));
            String operation = text(fields.get("operation"));
            if (operation != null && !operations.contains(operation)) {
                error(fields.get("operation").getValueNode().getStartMark(), "operation '" + operation
                        + "' is not one of " + String.join(", ", operations));
            }
            String cluster = text(fields.get("cluster"));
            String target = text(fields.get("target"));
            boolean enabled = enabled(fields.get("enabled"));
            Map<String, Mark> flagMarks = new LinkedHashMap<>();
            Map<String, Object> flags = flags(fields.get("flags"), flagMarks);
            if (failed()) {
                return null;
            }
            ScheduleDefinition definition = new ScheduleDefinition(name, cron, zone, operation, cluster, target, flags, enabled, file);
            try {
                commandCheck.accept(definition.launch(OffsetDateTime.now(zone)));
            } catch (AceException e) {
                // the line of what the message names: a flag, else the target, else the flags or the operation
                NodeTuple anchor = fields.containsKey("flags") ? fields.get("flags") : fields.get("operation");
                Mark fallback = target != null && e.getMessage().contains("'" + target + "'")
                        ? fields.get("target").getValueNode().getStartMark() : anchor.getKeyNode().getStartMark();
                // the page of schedules is read by viewers: the refusal in our own words, the detail in the log
                error(flagNamedIn(e.getMessage(), flagMarks, fallback), "command refused: " + e.publicMessage());
                return null;
            }
            return definition;
        }

        /** Whether the operation field names an operation on a whole cluster, which takes no target. */
        private boolean onWholeCluster(NodeTuple operation) {
            return operation != null && operation.getValueNode() instanceof ScalarNode value && targetless.contains(value.getValue().strip());
        }

        /** The key/value pairs of a mapping by key; unknown and repeated keys are errors. */
        private Map<String, NodeTuple> fields(List<NodeTuple> tuples, String what, Set<String> known) {
            Map<String, NodeTuple> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : tuples) {
                Node key = tuple.getKeyNode();
                if (!(key instanceof ScalarNode scalar)) {
                    error(key.getStartMark(), "a " + what + " name must be plain text");
                    continue;
                }
                String name = scalar.getValue();
                if (known != null && !known.contains(name)) {
                    error(key.getStartMark(), "unknown " + what + " '" + name + "'; expected one of "
                            + String.join(", ", known.stream().sorted().toList()));
                } else if (fields.putIfAbsent(name, tuple) != null) {
                    error(key.getStartMark(), what + " '" + name + "' appears twice");
                }
            }
            return fields;
        }

        /** A field's single text value; null (and an error) when it is not one. */
        private String text(NodeTuple field) {
            if (field == null) {
                return null;
            }
            String key = ((ScalarNode) field.getKeyNode()).getValue();
            if (!(field.getValueNode() instanceof ScalarNode value)) {
                error(field.getValueNode().getStartMark(), "field '" + key + "' must be a single value");
                return null;
            }
            if (value.getValue().isBlank()) {
                error(field.getKeyNode().getStartMark(), "field '" + key + "' has no value");
                return null;
            }
            return value.getValue().strip();
        }

        private CronExpression cron(NodeTuple field) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            try {
                return CronExpression.parse(text);
            } catch (IllegalArgumentException e) {
                error(field.getValueNode().getStartMark(), "bad cron '" + text + "' (six fields: second minute hour day-of-month month"
                        + " day-of-week): " + e.getMessage());
                return null;
            }
        }

        private ZoneId zone(NodeTuple field) {
            if (field == null) {
                return ZoneId.systemDefault();
            }
            String text = text(field);
            if (text == null) {
                return null;
            }
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                error(field.getValueNode().getStartMark(), "unknown time zone '" + text + "' (expected a region such as Europe/Berlin)");
                return null;
            }
        }

        private boolean enabled(NodeTuple field) {
            if (field == null) {
                return true;
            }
            String text = text(field);
            if (text != null && !text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                error(field.getValueNode().getStartMark(), "enabled must be true or false, got '" + text + "'");
            }
            return Boolean.parseBoolean(text);
        }

        /** The flags by name; {@code marks} learns where each flag is written. */
        private Map<String, Object> flags(NodeTuple field, Map<String, Mark> marks) {
            Map<String, Object> flags = new LinkedHashMap<>();
            if (field == null) {
                return flags;
            }
            if (!(field.getValueNode() instanceof MappingNode mapping)) {
                error(field.getValueNode().getStartMark(), "flags must be a mapping of flag names (without dashes) to values");
                return flags;
            }
            fields(mapping.getValue(), "flag", null).forEach((flag, tuple) -> {
                Mark mark = tuple.getKeyNode().getStartMark();
                if (!FLAG.matcher(flag).matches()) {
                    error(mark, "flag " + UserInput.quoted(flag) + " must be a flag name without leading dashes, e.g. block-size");
                    return;
                }
                if (RESERVED_FLAGS.contains(flag)) {
                    error(mark, "flag '" + flag + "' is set by the scheduler and cannot be given");
                    return;
                }
                marks.put(flag, mark);
                Node value = tuple.getValueNode();
                if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    String text = scalar.getValue();
                    flags.put(flag, text.equals("true") || text.equals("false") ? (Object) Boolean.valueOf(text) : text);
                } else if (value instanceof SequenceNode list && !list.getValue().isEmpty()
                        && list.getValue().stream().allMatch(n -> n instanceof ScalarNode)) {
                    flags.put(flag, list.getValue().stream().map(n -> ((ScalarNode) n).getValue()).toList());
                } else {
                    error(value.getStartMark(), "flag '" + flag + "' needs a value, true, false or a list of values");
                }
            });
            return flags;
        }

        /** Where the flag a parser message names is written, else {@code fallback}. */
        private static Mark flagNamedIn(String message, Map<String, Mark> marks, Mark fallback) {
            for (Map.Entry<String, Mark> flag : marks.entrySet()) {
                if (Pattern.compile("--" + Pattern.quote(flag.getKey()) + "(?![a-z0-9-])").matcher(message).find()) {
                    return flag.getValue();
                }
            }
            return fallback;
        }
    }
}
