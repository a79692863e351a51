package dev.palisade.compiler.lower;

import dev.palisade.dsl.diag.Suggestions;
import java.util.List;
import java.util.Locale;

/** The methods of RFC 9110 §9 and RFC 5789 (PATCH); others are written quoted, as extensions. */
public final class HttpMethods {
    public static final List<String> STANDARD =
            List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private HttpMethods() {}

    static String suggest(String written) {
        String upper = written.toUpperCase(Locale.ROOT);
        if (STANDARD.contains(upper)) {
            return "methods are case-sensitive: did you mean `" + upper + "`?";
        }
        return Suggestions.didYouMean(written, STANDARD)
                .orElse("known methods are " + String.join(", ", STANDARD) + "; quote an extension method: `\"" + written + "\"`");
    }

    /** RFC 9110 §5.6.2 token. */
    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
