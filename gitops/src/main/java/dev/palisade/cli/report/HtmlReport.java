package dev.palisade.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report page: one HTML file with its style, script and data inline, so it opens from disk or
 * an attachment with no network access (its Content-Security-Policy forbids any fetch). The data is
 * JSON in a {@code <script type="application/json">}; the script draws the charts as SVG. The policy
 * allows that one script by its SHA-256, not every inline script: should logged text ever reach the
 * page as markup, its scripts and event handlers still would not run.
 */
public final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("/\\*([A-Z_]+)\\*/");

    private HtmlReport() {}

    public static String render(ObjectNode data) {
        return render(data, resource("report.html"));
    }

    /**
     * The same page, reloaded by the browser every {@code refreshSeconds} (the admin port's live
     * dashboard). A meta refresh rather than the script fetching new data: the policy still forbids
     * every fetch, and the page's filters live in its URL's fragment, which the reload keeps.
     */
    public static String renderRefreshing(ObjectNode data, int refreshSeconds) {
        String template = resource("report.html");
        String charset = "<meta charset=\"utf-8\">\n";
        // INVARIANT: the template declares its charset first in <head>; the refresh goes right after it.
        if (!template.contains(charset)) {
            throw new IllegalStateException("report.html has no " + charset.strip());
        }
        return render(data, template.replace(charset,
                charset + "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">\n"));
    }

    private static String render(ObjectNode data, String template) {
        // One script element, so one hash: the charts first, then the page that uses them.
        String script = resource("report-charts.js") + resource("report.js");
        // The hash covers the script element's whole text: the template puts it on lines of its own.
        return fill(template, Map.of(
                "SCRIPT_HASH", "sha256-" + sha256("\n" + script + "\n"),
                "REPORT_CSS", resource("report.css"),
                "REPORT_JS", script,
                "REPORT_DATA", scriptSafe(data)));
    }

    /**
     * The template with each placeholder (a CSS/JS comment holding its name, as {@code REPORT_CSS})
     * replaced by its value, in one pass over the template: what is inserted is never searched again,
     * so a logged path that spells a placeholder stays that path (replacing one placeholder after
     * another pasted the stylesheet, newlines and all, into the JSON and the page failed to parse it).
     */
    static String fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder page = new StringBuilder(template.length());
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                // INVARIANT: report.html uses only the placeholders render fills.
                throw new IllegalStateException("report.html has an unknown placeholder " + placeholder.group());
            }
            placeholder.appendReplacement(page, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(page);
        return page.toString();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            // INVARIANT: every Java platform has SHA-256.
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * JSON that cannot end its script element or open a comment: {@code <}, {@code >} and {@code &}
     * occur only inside strings in JSON, where their {@code \\u} escapes mean the same. Logged paths
     * are attacker-controlled; {@code </script>} in one must stay data.
     */
    static String scriptSafe(ObjectNode data) {
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException impossible) {
            // INVARIANT: a tree of strings and numbers always serializes.
            throw new IllegalStateException(impossible);
        }
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                // INVARIANT: the page's parts are packaged beside this class.
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
