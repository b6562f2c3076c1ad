package io.ace.config;

import java.util.regex.Pattern;

/** What configuration shown to people hides: secrets by their setting's name, and the password in a database URL. */
public final class Masked {

    public static final String MASK = "***";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|pwd|secret|credential|token|sha256).*");
    /** {@code password=...} (or {@code sslpassword=...}, ...) in a query ({@code ?&}) or in {@code ;} settings as H2 has them. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([\\w.-]*(?:password|passwd|pwd|secret))=[^;&]*");
    /** {@code //user:password@host}. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@]*):[^/@]*@");

    private Masked() {
    }

    /** Whether a setting of this name holds a secret (a password, a token or its digest), whose value is never shown. */
    public static boolean isSecret(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** The URL with any password in it replaced by {@link #MASK}. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String masked = URL_PASSWORD.matcher(url).replaceAll("$1=" + MASK);
        return URL_USER_INFO.matcher(masked).replaceAll("$1:" + MASK + "@");
    }
}
