package dev.palisade.engine.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipelines CRS 3.3.4 actually uses (crs-feature-usage.md), end to end: each step's output
 * is the next step's input, as the rule engine will chain them.
 */
class TransformationPipelineTest {

    private static final String XSS = "utf8toUnicode,urlDecodeUni,htmlEntityDecode,jsDecode,cssDecode,removeNulls";

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // full-width <script> in UTF-8: utf8toUnicode makes %uff1c, urlDecodeUni folds it to <
        XSS + "|`\u00ef\u00bc\u009cscript\u00ef\u00bc\u009e`|`<script>`",
        XSS + "|`%3Cimg src=x onerror=\\u0061lert(1)%3E`|`<img src=x onerror=alert(1)>`",
        XSS + "|`&#x3C;svg/onload=&#97;lert(1)&gt;`|`<svg/onload=alert(1)>`",
        // jsDecode runs before cssDecode and reads \73 as octal 073, ';': ModSecurity does the same
        XSS + "|`<div style=\"background:url(java\\73 cript:x)\">`|`<div style=\"background:url(java; cript:x)\">`",
        XSS + "|`%26lt%3Bscript%26gt%3B`|`<script>`",
        XSS + "|`<scr%00ipt>`|`<script>`",
        "utf8toUnicode,urlDecodeUni,removeNulls,cmdLine|`C%00A%5eT%20/ETC/passwd`|`cat/etc/passwd`",
        "urlDecodeUni,lowercase|`%55NION%20%53ELECT`|`union select`",
        "urlDecodeUni,htmlEntityDecode,lowercase|`%26LT%3BSCRIPT&gt;`|`<script>`",
        "lowercase,removeWhitespace|`U N I O N`|`union`",
        "utf8toUnicode,urlDecodeUni,normalizePathWin,lowercase|`..%5C..%5CWindows%5Cwin.ini`|`../../windows/win.ini`",
        "sha1,hexEncode|`abc`|`a9993e364706816aba3e25717850c26c9cd0d89d`",
        "length|`hello`|`5`",
    })
    void chainsLikeTheRuleEngine(String pipeline, String input, String expected) {
        String value = input;
        for (String name : pipeline.split(",")) {
            value = Transformations.named(name).orElseThrow().apply(value);
        }
        assertEquals(expected, value);
    }
}
