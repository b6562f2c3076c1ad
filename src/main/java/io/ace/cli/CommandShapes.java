package io.ace.cli;

import io.ace.operation.OperationRegistry;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which words of a command line cannot change what the parser makes of it, per command: the
 * launcher remembers a line found runnable by its shape, those words masked, so a line that differs
 * from a remembered one only there (another table, diff file or run key) is not parsed twice.
 *
 * <p>A word can be masked when the parser stores it as text as it is: an option's value or a
 * positional argument of type text or path, bound to a field, with no converter, no parameter
 * consumer or preprocessor, one word per value. Any text is such a value, so only the number of
 * words and which option takes them decide the verdict, and the mask keeps both. Everything else
 * (numbers, choices, every flag) is kept as typed.
 *
 * <p>One line per command that runs ({@code mtree build} rather than {@code mtree}), tab-separated:
 * the command's words; {@code mask} or {@code keep} for its positional arguments; then each option
 * that takes a value as {@code NAME=mask} or {@code NAME=keep}, space-separated.
 */
public final class CommandShapes {

    public static final String MASK = "mask";
    public static final String KEEP = "keep";
    private static final Set<Class<?>> TEXT = Set.of(String.class, Path.class, File.class);
    /** What an argument does before it stores its words, unless a preprocessor of its own is declared: nothing. */
    private static final Class<?> NO_PREPROCESSOR = OptionSpec.builder("-x").build().preprocessor().getClass();

    private CommandShapes() {
    }

    /** Every command's shape, one line each, for {@code operations} and the commands of this package. */
    public static List<String> of(OperationRegistry operations) {
        List<String> lines = new ArrayList<>();
        add(CommandLines.whole(operations), "", lines);
        return lines;
    }

    private static void add(CommandLine command, String path, List<String> lines) {
        if (command.getSubcommands().isEmpty()) {
            lines.add(path + "\t" + (positionalsMasked(command.getCommandSpec()) ? MASK : KEEP) + "\t" + options(command.getCommandSpec()));
            return;
        }
        // by every name the parser knows a command by, aliases included
        command.getSubcommands().forEach((name, sub) -> add(sub, path.isEmpty() ? name : path + " " + name, lines));
    }

    private static boolean positionalsMasked(CommandSpec spec) {
        // an option taking a variable number of words would make which words are positional depend on the words
        return !spec.positionalParameters().isEmpty() && spec.positionalParameters().stream().allMatch(CommandShapes::textAsTyped)
                && spec.options().stream().allMatch(o -> o.arity().max() <= 1);
    }

    private static String options(CommandSpec spec) {
        return spec.options().stream().filter(o -> o.arity().max() >= 1)
                .flatMap(o -> Arrays.stream(o.names()).map(name -> name + "=" + (maskable(o) ? MASK : KEEP)))
                .collect(Collectors.joining(" "));
    }

    private static boolean maskable(OptionSpec option) {
        return option.arity().min() == 1 && option.arity().max() == 1 && textAsTyped(option);
    }

    /** Whether the parser stores each word of {@code arg} as the text it is, so no word can be refused. */
    private static boolean textAsTyped(ArgSpec arg) {
        List<Class<?>> types = arg.isMultiValue() ? Arrays.asList(arg.auxiliaryTypes()) : List.of(arg.type());
        return arg.userObject() instanceof Field && arg.converters().length == 0 && !arg.interactive()
                && arg.parameterConsumer() == null && arg.preprocessor().getClass() == NO_PREPROCESSOR
                && !types.isEmpty() && TEXT.containsAll(types);
    }
}
