package io.ace.diff;

import io.ace.exit.AceException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The first test a {@code --table-filter} passes, on its text alone: it must be one expression
 * that ACE can put in parentheses and AND with its own conditions. PostgreSQL's lexical rules
 * decide what is code: parentheses and semicolons inside string constants ({@code '...'},
 * {@code E'...'}, {@code $tag$...$tag$}), quoted identifiers and comments do not count. Refused:
 * a {@code ;}, a {@code )} that closes a parenthesis the filter did not open (the text
 * {@code false) OR (true} would otherwise escape the parentheses around it), a parenthesis left
 * open, and a constant, identifier or comment left unterminated (it would swallow what follows).
 * Sessions pin {@code standard_conforming_strings = on}, the reading assumed here.
 */
public final class TableFilterText {

    private TableFilterText() {
    }

    /** Refuses (exit 64) a filter that is not one self-contained expression; null means no filter. */
    public static void check(String filter) {
        if (filter != null) {
            scan(filter, null);
        }
    }

    /**
     * The names the filter's code uses (identifiers outside constants and comments, unquoted ones
     * in lower case, as PostgreSQL folds them), of a filter that passes {@link #check}.
     */
    static Set<String> names(String filter) {
        Set<String> names = new LinkedHashSet<>();
        scan(filter, names);
        return names;
    }

    /**
     * The filter as pgjdbc must be given it in a prepared statement: a {@code ?} of the filter's
     * code (jsonb's {@code ?}, {@code ?|}, {@code ?&}) doubled, so that the driver does not read it
     * as a parameter. The driver's lexer agrees with this one on what is a constant, a quoted
     * identifier or a comment, where a {@code ?} is left as it is.
     */
    static String forPreparedStatement(String filter) {
        StringBuilder out = new StringBuilder(filter.length() + 4);
        int i = 0;
        while (i < filter.length()) {
            int end = endOfToken(filter, i, null);
            String token = filter.substring(i, end);
            out.append(token.equals("?") ? "??" : token);
            i = end;
        }
        return out.toString();
    }

    private static void scan(String filter, Set<String> names) {
        int depth = 0;
        int i = 0;
        int n = filter.length();
        while (i < n) {
            char c = filter.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    throw refuse("the ')' at character " + (i + 1) + " closes a parenthesis the filter did not open");
                }
                depth--;
            } else if (c == ';') {
                throw refuse("the ';' at character " + (i + 1) + " would end it; one condition only, no statements");
            } else if (c == 0) {
                throw refuse("it contains a NUL character");
            }
            i = endOfToken(filter, i, names);
        }
        if (depth > 0) {
            throw refuse(depth + " parenthes" + (depth == 1 ? "is is" : "es are") + " left open");
        }
    }

    /**
     * Where the token at {@code i} ends: a constant, quoted identifier, comment or name as a
     * whole, anything else one character; names are added to {@code names} unless it is null.
     */
    private static int endOfToken(String filter, int i, Set<String> names) {
        int n = filter.length();
        char c = filter.charAt(i);
        char next = i + 1 < n ? filter.charAt(i + 1) : 0;
        if (c == '\'') {
            return endOfString(filter, i, escapeString(filter, i));
        }
        if (c == '"') {
            if (i >= 2 && filter.charAt(i - 1) == '&' && Character.toLowerCase(filter.charAt(i - 2)) == 'u'
                    && (i == 2 || !identifierChar(filter.charAt(i - 3)))) {
                throw refuse("the U&\"...\" identifier at character " + (i - 1) + " spells a name with escapes; write the name plainly");
            }
            int end = endOfQuoted(filter, i, '"', "a quoted identifier");
            if (names != null) {
                names.add(filter.substring(i + 1, end - 1).replace("\"\"", "\""));
            }
            return end;
        }
        if (c == '-' && next == '-') {
            int end = filter.indexOf('\n', i);
            if (end < 0) {
                throw refuse("the -- comment at character " + (i + 1) + " runs to the end of the filter and would hide what follows it;"
                        + " end it with a line break or use /* ... */");
            }
            return end + 1;
        }
        if (c == '/' && next == '*') {
            return endOfBlockComment(filter, i);
        }
        if (c == '$' && startsDollarQuote(filter, i)) {
            return endOfDollarQuote(filter, i);
        }
        if (Character.isLetter(c) || c == '_' || c > 127) {
            int end = i + 1;
            while (end < n && (identifierChar(filter.charAt(end)) || filter.charAt(end) == '$')) {
                end++;
            }
            if (names != null) {
                names.add(filter.substring(i, end).toLowerCase(Locale.ROOT));
            }
            return end;
        }
        return i + 1;
    }

    /**
     * Whether the quote at {@code quote} opens an escape string ({@code E'...'}, backslash escapes).
     * An {@code e} after a digit or {@code $} is ambiguous ({@code 1e'x'} lexes as a number, then
     * an escape string; {@code a$e'x'} as an identifier, then a plain one): refused rather than guessed.
     */
    private static boolean escapeString(String s, int quote) {
        if (quote == 0 || Character.toLowerCase(s.charAt(quote - 1)) != 'e') {
            return false;
        }
        if (quote == 1) {
            return true;
        }
        char before = s.charAt(quote - 2);
        if (Character.isDigit(before) || before == '.' || before == '$') {
            throw refuse("the constant at character " + quote + " is ambiguous (E'...' directly after a number or a $); put a space before it");
        }
        return !identifierChar(before);
    }

    private static int endOfString(String s, int open, boolean backslashEscapes) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i++;
            } else if (c == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        throw refuse("the string constant opened at character " + (open + 1) + " is not closed");
    }

    private static int endOfQuoted(String s, int open, char quote, String what) {
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        throw refuse(what + " opened at character " + (open + 1) + " is not closed");
    }

    /** Block comments nest in PostgreSQL. */
    private static int endOfBlockComment(String s, int open) {
        int depth = 0;
        for (int i = open; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '/' && s.charAt(i + 1) == '*') {
                depth++;
                i++;
            } else if (s.charAt(i) == '*' && s.charAt(i + 1) == '/') {
                depth--;
                i++;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        throw refuse("the /* comment opened at character " + (open + 1) + " is not closed");
    }

    /** {@code $$} or {@code $tag$} not inside an identifier ({@code a$b} is one identifier, {@code $1} a parameter). */
    private static boolean startsDollarQuote(String s, int i) {
        if (i > 0 && (identifierChar(s.charAt(i - 1)) || s.charAt(i - 1) == '$')) {
            return false;
        }
        return dollarTagEnd(s, i) > 0;
    }

    /** Index just past the closing {@code $} of the tag that starts at {@code i}, or -1. */
    private static int dollarTagEnd(String s, int i) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '$') {
            return j + 1;
        }
        if (j >= s.length() || !(Character.isLetter(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) > 127)) {
            return -1;
        }
        while (j < s.length() && (identifierChar(s.charAt(j)))) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
    }

    private static int endOfDollarQuote(String s, int open) {
        String tag = s.substring(open, dollarTagEnd(s, open));
        int close = s.indexOf(tag, open + tag.length());
        if (close < 0) {
            throw refuse("the " + tag + " string opened at character " + (open + 1) + " is not closed");
        }
        return close + tag.length();
    }

    private static boolean identifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c > 127;
    }

    static AceException refuse(String why) {
        return AceException.usage("--table-filter must be one condition on the table's columns: " + why);
    }
}
