package io.ace.web.security;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A user name as every login sees it: the same for the throttle, the audit log and the password
 * check, so {@code "admin "}, {@code "\tAdmin"} or a full-width {@code "ａｄｍｉｎ"} are all
 * {@code admin} and count against the same failures. Spaces and control characters around the
 * name are dropped, compatibility forms folded (NFKC), and case ignored.
 */
public final class UserName {

    private UserName() {
    }

    /** The name a login claims, normalised; null stays null. */
    public static String normalised(String claimed) {
        if (claimed == null) {
            return null;
        }
        String folded = Normalizer.normalize(claimed, Normalizer.Form.NFKC);
        int start = 0;
        int end = folded.length();
        while (start < end && blank(folded.charAt(start))) {
            start++;
        }
        while (end > start && blank(folded.charAt(end - 1))) {
            end--;
        }
        return folded.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }
}
