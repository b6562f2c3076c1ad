package io.ace.report;

import io.ace.difffile.DiffFileReader.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value as the HTML reports show it: the exact text of the diff file, with what the eye cannot
 * tell apart made visible. SQL NULL and the empty string are distinct badges; a space at either
 * end or in a run of spaces, a tab, a line break and every other invisible character (controls,
 * no-break and other Unicode spaces, zero-width and format characters) is shown by a mark; a long
 * value is cut, its whole text kept for hover and expand. A long value that differs from the
 * other side's is cut around where the two first differ, so the difference is in sight.
 *
 * @param kind     NULL, the empty string, or text
 * @param text     the exact text (null for NULL)
 * @param segments the whole value, plain runs and marks
 * @param head     the {@link #CUT_AT} characters shown of a longer value, else null
 * @param headFrom where {@code head} starts in the value (characters)
 * @param headTo   where {@code head} ends
 * @param length   the value's length in characters (code points)
 */
public record ShownValue(Kind kind, String text, List<Segment> segments, List<Segment> head, int headFrom, int headTo,
                         int length) {

    /** Characters shown of a long value. */
    public static final int CUT_AT = 80;
    /** Characters kept before the first difference when a cut value starts there. */
    static final int CONTEXT = 20;

    public enum Kind { NULL, EMPTY, TEXT }

    /**
     * A run of the value: plain text, or one invisible character shown as {@code text} and named by {@code mark}.
     */
    public record Segment(String text, String mark) {
        public boolean marked() {
            return mark != null;
        }
    }

    private static final String SPACE = "\u2423";
    private static final String TAB = "\u21e5";
    private static final String LINE_FEED = "\u21b5";

    /** The longest word a cell keeps on one line (a UUID, a timestamp with zone and a 20-digit number fit). */
    static final int LONGEST_UNBROKEN = 40;

    public static ShownValue of(Value value) {
        return of(value, null);
    }

    /** {@code value}, cut (when long) where it first differs from {@code other} (null: from its start). */
    public static ShownValue of(Value value, Value other) {
        if (value == null || value.kind() == Value.Kind.NULL) {
            return new ShownValue(Kind.NULL, null, List.of(), null, 0, 0, 0);
        }
        String text = value.text();
        if (text.isEmpty()) {
            return new ShownValue(Kind.EMPTY, text, List.of(), null, 0, 0, 0);
        }
        int[] cps = text.codePoints().toArray();
        List<Segment> all = segments(cps, 0, cps.length);
        if (cps.length <= CUT_AT) {
            return new ShownValue(Kind.TEXT, text, all, null, 0, cps.length, cps.length);
        }
        int from = 0;
        if (other != null && other.text() != null) {
            int d = firstDifference(cps, other.text().codePoints().toArray());
            if (d > CUT_AT - CONTEXT) {
                from = Math.min(d - CONTEXT, cps.length - CUT_AT);
            }
        }
        return new ShownValue(Kind.TEXT, text, all, segments(cps, from, from + CUT_AT), from, from + CUT_AT, cps.length);
    }

    /** Plain texts (such as a key's column values) as shown values. */
    public static List<ShownValue> texts(List<String> texts) {
        return texts.stream().map(t -> of(new Value(Value.Kind.STRING, t))).toList();
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isEmpty() {
        return kind == Kind.EMPTY;
    }

    public boolean hasText() {
        return kind == Kind.TEXT;
    }

    public boolean cut() {
        return head != null;
    }

    /**
     * Whether the value holds a run of more than {@value #LONGEST_UNBROKEN} characters without a
     * space: only such a value may wrap inside a word, elsewhere a word (a key, a city, a number)
     * is never split across lines.
     */
    public boolean hasLongWord() {
        int run = 0;
        for (int i = 0; text != null && i < text.length(); i++) {
            run = Character.isWhitespace(text.charAt(i)) ? 0 : run + 1;
            if (run > LONGEST_UNBROKEN) {
                return true;
            }
        }
        return false;
    }

    /** Characters left out of {@link #head}. */
    public int hidden() {
        return length - (headTo - headFrom);
    }

    private static int firstDifference(int[] a, int[] b) {
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        return i;
    }

    /** The segments of characters {@code from} to {@code to}; spaces at the ends are judged on the whole value. */
    private static List<Segment> segments(int[] cps, int from, int to) {
        int lead = 0;
        while (lead < cps.length && cps[lead] == ' ') {
            lead++;
        }
        int trail = cps.length;
        while (trail > lead && cps[trail - 1] == ' ') {
            trail--;
        }
        List<Segment> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (int i = from; i < to; i++) {
            int cp = cps[i];
            String mark = mark(cps, i, lead, trail);
            if (mark == null) {
                plain.appendCodePoint(cp);
                continue;
            }
            if (!plain.isEmpty()) {
                out.add(new Segment(plain.toString(), null));
                plain.setLength(0);
            }
            out.add(new Segment(symbol(cp), mark));
            if (cp == '\n') {
                plain.append('\n'); // the line still breaks where the value breaks
            }
        }
        if (!plain.isEmpty()) {
            out.add(new Segment(plain.toString(), null));
        }
        return out;
    }

    /** What an invisible character is, or null for a character the eye can see (a single space between words included). */
    private static String mark(int[] cps, int i, int lead, int trail) {
        int cp = cps[i];
        if (cp == ' ') {
            boolean run = i > 0 && cps[i - 1] == ' ' || i + 1 < cps.length && cps[i + 1] == ' ';
            if (i < lead) {
                return "leading space";
            }
            if (i >= trail) {
                return "trailing space";
            }
            return run ? "run of spaces" : null;
        }
        return switch (cp) {
            case '\t' -> "tab";
            case '\n' -> "line feed";
            case '\r' -> "carriage return";
            default -> invisible(cp) ? unicode(cp) + " " + name(cp) : null;
        };
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    private static String symbol(int cp) {
        return switch (cp) {
            case ' ' -> SPACE;
            case '\t' -> TAB;
            case '\n' -> LINE_FEED;
            default -> unicode(cp);
        };
    }

    private static String unicode(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    private static String name(int cp) {
        String name = Character.getName(cp);
        return name == null ? "(unassigned)" : name.toLowerCase(Locale.ROOT);
    }
}
