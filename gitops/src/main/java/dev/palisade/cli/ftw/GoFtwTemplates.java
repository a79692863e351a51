package dev.palisade.cli.ftw;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * go-ftw renders a stage's {@code data} as a Go template with the sprig functions, so a test can ask
 * for a large body: {@code {{ "1" | repeat 64200 }}} (920400-1). Only {@code repeat} over a string
 * literal is supported, the one form the CRS v4 suite uses; any other action is left as written
 * (go-ftw would have rendered it or failed).
 */
final class GoFtwTemplates {
    private static final Pattern REPEAT = Pattern.compile("\\{\\{-?\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\|\\s*repeat\\s+(\\d{1,7})\\s*-?}}");

    private GoFtwTemplates() {}

    static String render(String data) {
        if (!data.contains("{{")) {
            return data;
        }
        Matcher matcher = REPEAT.matcher(data);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String literal = matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            matcher.appendReplacement(out, Matcher.quoteReplacement(literal.repeat(Integer.parseInt(matcher.group(2)))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
