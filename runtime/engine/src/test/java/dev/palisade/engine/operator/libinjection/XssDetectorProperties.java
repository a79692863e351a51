package dev.palisade.engine.operator.libinjection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The XSS detector is total and its tokenizer makes progress: on random Unicode, bytes, HTML-ish
 * soup and 1 MB of nesting, every token lies inside the input and tokens are at most input
 * length + 1, so the work is linear. No wall-clock timing.
 */
class XssDetectorProperties {

    private static final String[] HTML_PIECES = {
        "<", ">", "/", "</", "/>", "=", "'", "\"", "`", " ", "\t", "\0", "!", "<!", "<!--", "-->", "-!>", "--",
        "<?", "<%", "%>", "<![CDATA[", "]]>", "<!DOCTYPE", "a", "script", "svg", "img", "src", "href", "on",
        "onload", "style", "javascript:", "&#", "&#x", "6A;", "106", ";", "&", "\u00ff", "\n",
    };

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(2_000);
        Arbitrary<String> bytes = Arbitraries.strings().withCharRange('\0', '\u00ff').ofMaxLength(2_000);
        Arbitrary<String> soup = Arbitraries.of(HTML_PIECES).list().ofMaxSize(200).map(list -> String.join("", list));
        return Arbitraries.oneOf(unicode, bytes, soup);
    }

    @Property
    void tokenizerProgressesInEveryStart(@ForAll("anyText") String input) {
        XssDetector.detect(input);
        assertProgress(input);
    }

    @Example
    void answersOnOneMegabyteOfNesting() {
        for (String unit : new String[] {"<", "<a ", "<!--", "<a b='", "&#x", "<%", "<![CDATA[", "-", "<a b=c "}) {
            String input = unit.repeat((1 << 20) / unit.length());
            XssDetector.detect(input);
            assertProgress(input);
        }
    }

    private static void assertProgress(String input) {
        for (Html5Tokenizer.Start start : Html5Tokenizer.Start.values()) {
            Html5Tokenizer tokenizer = new Html5Tokenizer(input, start);
            int tokens = 0;
            while (tokenizer.next()) {
                tokens++;
                assertTrue(tokenizer.tokenStart >= 0 && tokenizer.tokenLength >= 0
                        && tokenizer.tokenStart + tokenizer.tokenLength <= input.length(), "token inside the input");
                assertTrue(tokens <= input.length() + 1, "at most one token per input char");
            }
        }
    }
}
