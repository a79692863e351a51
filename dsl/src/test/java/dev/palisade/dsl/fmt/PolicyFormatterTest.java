package dev.palisade.dsl.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.ast.StringLiteral.Quoting;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyFormatterTest {

    @Test
    void fileWithErrorsHasNoCanonicalForm() {
        Diagnostics diagnostics = new Diagnostics();
        String duplicate = "policy www {\n    order 1\n    order 2\n}\n";

        assertEquals(Optional.empty(), PolicyFormatter.formatSource(new SourceFile("dup.pal", duplicate), diagnostics));
        assertEquals(Optional.empty(), PolicyFormatter.formatSource(new SourceFile("bad.pal", "policy {"), diagnostics));
        assertTrue(diagnostics.hasErrors());
    }

    @Test
    void earlierErrorsOfOtherFilesDoNotStopFormatting() {
        Diagnostics diagnostics = new Diagnostics();
        PolicyFormatter.formatSource(new SourceFile("bad.pal", "policy {"), diagnostics);

        assertEquals(Optional.of("tier a order 1\n"),
                PolicyFormatter.formatSource(new SourceFile("ok.pal", "tier a order 1"), diagnostics));
    }

    @Test
    void bytesAreDecodedAndTheByteOrderMarkDropped() {
        byte[] bytes = "\uFEFFtier  a order 1 // é\r\n".getBytes(StandardCharsets.UTF_8);

        assertEquals(Optional.of("tier a order 1 // é\n"),
                PolicyFormatter.formatSource("bom.pal", bytes, new Diagnostics()));
    }

    @Test
    void quotingFallsBackToDoubleQuotesWhenItCannotHoldTheValue() {
        assertEquals("'a b'", StringText.of("a b", Quoting.SINGLE));
        assertEquals("\"it's\"", StringText.of("it's", Quoting.SINGLE));
        assertEquals("\"a\\nb\"", StringText.of("a\nb", Quoting.SINGLE));
        assertEquals("'''a\nb'''", StringText.of("a\nb", Quoting.TRIPLE));
        assertEquals("\"a'''b\"", StringText.of("a'''b", Quoting.TRIPLE));
        assertEquals("\"a'\"", StringText.of("a'", Quoting.TRIPLE));
    }

    @Test
    void doubleQuotedStringsAreEscapedCanonically() {
        assertEquals("\"\\\"\\\\\\n\\t\\r\\u0001\\u007F'é😀\"", StringText.quoted("\"\\\n\t\r\u0001\u007f'é😀"));
        assertEquals("\"\\uD800x\"", StringText.quoted("\ud800x"));
    }

    @Test
    void theCrsV4SettingsKeepTheirWordsAndValues() {
        String source = "policy www {\n  selector 'all()'\n  waf {\n    crs   version 4 dir '/opt/crs'  early-blocking\n"
                + "      blocking-paranoia 2 detection-paranoia 3 inbound-threshold 10 arg-length 400\n  }\n}\n";
        String formatted = PolicyFormatter.formatSource(new SourceFile("v4.pal", source), new Diagnostics()).orElseThrow();
        assertTrue(formatted.contains("crs version 4 dir '/opt/crs' early-blocking blocking-paranoia 2 detection-paranoia 3"
                + " inbound-threshold 10 arg-length 400\n"), formatted);
        assertEquals(Optional.of(formatted),
                PolicyFormatter.formatSource(new SourceFile("v4.pal", formatted), new Diagnostics()));
    }
}
