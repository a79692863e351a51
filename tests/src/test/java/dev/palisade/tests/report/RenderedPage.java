package dev.palisade.tests.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the report's numbers out of the DOM Chromium printed: elements by {@code data-testid},
 * their attributes and text. Chromium serializes attributes in double quotes and escapes {@code &},
 * {@code "}, {@code <} and {@code >}, so a tag is found by a pattern, and values are unescaped.
 */
final class RenderedPage {
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z]+)((?:\\s+[^\\s=>/]+(?:=\"[^\"]*\")?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=]+)(?:=\"([^\"]*)\")?");

    /** One element: its attributes and the text up to its first child tag. */
    record Element(Map<String, String> attributes, String text) {
        long count() {
            return Long.parseLong(attributes.get("data-count"));
        }

        long number() {
            return Long.parseLong(text.trim());
        }
    }

    private final String dom;
    private final List<Element> tagged = new ArrayList<>();

    RenderedPage(String dom) {
        this.dom = dom;
        Matcher tag = TAG.matcher(dom);
        while (tag.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                attributes.put(attribute.group(1), unescape(attribute.group(2) == null ? "" : attribute.group(2)));
            }
            if (attributes.containsKey("data-testid")) {
                int next = dom.indexOf('<', tag.end());
                tagged.add(new Element(attributes, unescape(dom.substring(tag.end(), next < 0 ? dom.length() : next))));
            }
        }
    }

    String dom() {
        return dom;
    }

    /** Every element with this {@code data-testid}, in document order. */
    List<Element> all(String testid) {
        return tagged.stream().filter(element -> testid.equals(element.attributes().get("data-testid"))).toList();
    }

    /** The one element with this {@code data-testid}. */
    Element one(String testid) {
        List<Element> found = all(testid);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " elements with data-testid=\"" + testid + "\"");
        }
        return found.get(0);
    }

    long number(String testid) {
        return one(testid).number();
    }

    /** The numbers of the elements with this {@code data-testid} by their {@code data-key} (table rows). */
    Map<String, Long> byKey(String testid) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        all(testid).forEach(element -> numbers.put(element.attributes().get("data-key"), element.number()));
        return numbers;
    }

    /** The {@code data-count}s of the elements with this {@code data-testid} by their {@code attribute} (chart marks). */
    Map<String, Long> countsBy(String testid, String attribute) {
        Map<String, Long> counts = new LinkedHashMap<>();
        all(testid).forEach(element -> counts.merge(element.attributes().get(attribute), element.count(), Long::sum));
        return counts;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", "\u00a0")
                .replace("&amp;", "&");
    }
}
