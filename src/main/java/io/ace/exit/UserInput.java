package io.ace.exit;

/**
 * Input as a message may show it. A message that quotes what a caller sent goes back to that
 * caller, into the audit log and onto terminals: a name-sized value is shown as itself, anything
 * longer or carrying control characters only by its length, so no message can carry a file's
 * content or forge a line of a log.
 */
public final class UserInput {

    /** PostgreSQL's longest identifier: a longer value is not a name. */
    public static final int NAME_LENGTH = 63;

    private UserInput() {
    }

    /** {@code 'value'} for a name-sized value without control characters; otherwise its length only. */
    public static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        if (value.length() <= NAME_LENGTH && value.codePoints().noneMatch(UserInput::control)) {
            return "'" + value + "'";
        }
        return "a value of " + value.length() + " characters";
    }

    /** Text for one line of a log or a terminal: control characters (line breaks, escapes) written as {@code \\uXXXX}. */
    public static String escaped(String text) {
        if (text == null || text.codePoints().noneMatch(UserInput::control)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (control(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean control(int c) {
        // line and paragraph separators and bidirectional controls reorder or break what a terminal shows
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029;
    }
}
