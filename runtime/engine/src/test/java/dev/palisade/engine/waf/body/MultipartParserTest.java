package dev.palisade.engine.waf.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every expectation here was observed on libmodsecurity 3.0.9 (Debian 12): a small C program fed
 * the request through the library with a rule over the ARGS, FILES*, MULTIPART_* and REQBODY_*
 * variables, and the debug log gave each value.
 */
class MultipartParserTest {

    private static final String CT = "multipart/form-data; boundary=XX";

    private static BodyParseResult parse(String contentType, String body) {
        return MultipartParser.parse(contentType, body.getBytes(StandardCharsets.ISO_8859_1), BodyLimits.defaults());
    }

    private static BodyParseResult parse(String body) {
        return parse(CT, body);
    }

    /** The flags that are not 0. */
    private static Map<String, Integer> raised(BodyParseResult result) {
        Map<String, Integer> raised = new java.util.LinkedHashMap<>();
        result.flags().forEach((name, value) -> {
            if (value != 0) {
                raised.put(name, value);
            }
        });
        return raised;
    }

    @Test
    void formFieldsFilesAndPartHeaders() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nline1\r\nline2\r\n"
                + "--XX\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + "abc\r\ndef\r\n--XX\r\ncontent-disposition: form-data; name=\"e\"; filename=\"\"\r\n\r\nv\r\n--XX--\r\n");
        // The line break inside a field is lost in v3; a filename="" part is a field, not a file.
        assertEquals(List.of(new Argument("a", "line1line2"), new Argument("e", "v")), result.arguments());
        assertEquals(List.of(new UploadedFile("f", "x.txt", 8, "text/plain")), result.files());
        assertEquals(8, result.filesCombinedSize());
        assertEquals(List.of(new PartHeader("a", "Content-Disposition: form-data; name=\"a\"\r\n"),
                new PartHeader("f", "Content-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\n"),
                new PartHeader("f", "Content-Type: text/plain\r\n"),
                new PartHeader("e", "content-disposition: form-data; name=\"e\"; filename=\"\"\r\n")),
                result.partHeaders());
        assertEquals(Map.of("MULTIPART_UNMATCHED_BOUNDARY", 2), raised(result));
        assertFalse(result.error());
        assertEquals("", result.errorMessage());
        assertEquals("MULTIPART", result.processor());
        assertEquals(13, result.flags().size());
    }

    @Test
    void dataBeforeTheFirstBoundary() {
        BodyParseResult result = parse("pre\r\n--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "v")), result.arguments());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2, "MULTIPART_DATA_BEFORE", 1),
                raised(result));
        assertFalse(result.error());
    }

    @Test
    void dataAfterTheLastBoundary() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XX--\r\npost");
        assertEquals(List.of(new Argument("a", "v")), result.arguments());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2, "MULTIPART_DATA_AFTER", 1),
                raised(result));
    }

    @Test
    void lfAndMixedLineEndings() {
        BodyParseResult lf = parse("--XX\nContent-Disposition: form-data; name=\"a\"\n\nv\n--XX--\n");
        assertEquals(List.of(new Argument("a", "v")), lf.arguments());
        assertEquals(List.of(new PartHeader("a", "Content-Disposition: form-data; name=\"a\"\n")), lf.partHeaders());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2, "MULTIPART_LF_LINE", 1),
                raised(lf));
        BodyParseResult mixed = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\n\r\nv\r\n--XX--\r\n");
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2, "MULTIPART_LF_LINE", 1,
                "MULTIPART_CRLF_LF_LINES", 1), raised(mixed));
    }

    @Test
    void missingFinalBoundaryExportsNothing() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n");
        assertEquals(List.of(), result.arguments());
        assertEquals(List.of(), result.partHeaders());
        assertTrue(result.error());
        assertEquals("Multipart parsing error: Multipart: Final boundary missing.", result.errorMessage());
        // The strict error is computed before the final-boundary check.
        assertEquals(0, result.flag("MULTIPART_STRICT_ERROR"));
    }

    @Test
    void finalBoundaryWithoutLineEnding() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XX--");
        assertEquals(List.of(new Argument("a", "v")), result.arguments());
        assertFalse(result.error());
        assertEquals(Map.of(), raised(result));
    }

    @Test
    void partWithoutContentDispositionSwallowsTheNextBoundary() {
        BodyParseResult result = parse("--XX\r\nX-Foo: bar\r\n\r\nv\r\n--XX\r\n"
                + "Content-Disposition: form-data; name=\"b\"\r\n\r\nw\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("b", "w")), result.arguments());
        assertEquals(List.of(new PartHeader("b", "X-Foo: bar\r\n"),
                new PartHeader("b", "Content-Disposition: form-data; name=\"b\"\r\n")), result.partHeaders());
        assertEquals("Multipart parsing error: Multipart: Invalid part header (colon missing): --XX\r\n",
                result.errorMessage());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2, "MULTIPART_INVALID_PART", 1),
                raised(result));
    }

    @Test
    void headerFolding() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "v")), result.arguments());
        // The folded header is kept unfolded and without a line ending.
        assertEquals(List.of(new PartHeader("a", "Content-Disposition: form-data; name=\"a\"")), result.partHeaders());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2,
                "MULTIPART_HEADER_FOLDING", 1), raised(result));
        BodyParseResult invalid = parse("--XX\r\nContent-Disposition: form-data;\r\n\u000bname=\"a\"\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2,
                "MULTIPART_HEADER_FOLDING", 1, "MULTIPART_INVALID_HEADER_FOLDING", 1), raised(invalid));
    }

    @Test
    void singleQuotesAreInvalidQuoting() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name='a'\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "v")), result.arguments());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2,
                "MULTIPART_INVALID_QUOTING", 1), raised(result));
    }

    @Test
    void filenameStarAloneIsAnInvalidPart() {
        BodyParseResult result = parse(
                "--XX\r\nContent-Disposition: form-data; name=\"a\"; filename*=utf-8''x%20y.txt\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(List.of(), result.arguments());
        assertEquals("Multipart parsing error: Multipart: Final boundary missing.", result.errorMessage());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_INVALID_PART", 1), raised(result));
    }

    @Test
    void filenameStarBesideFilenameKeepsTheFilename() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"; filename=\"p.txt\"; "
                + "filename*=utf-8''x.txt\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(List.of(new UploadedFile("a", "p.txt", 1, "")), result.files());
        assertFalse(result.error());
        BodyParseResult quoted = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"; filename*=\"utf-8''x.txt\"; "
                + "filename=\"q\"\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(List.of(), quoted.files());
        assertEquals(1, quoted.flag("MULTIPART_INVALID_PART"));
    }

    @Test
    void duplicatePartHeaderIsDroppedSilently() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n"
                + "content-disposition: form-data; name=\"b\"\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "v")), result.arguments());
        assertEquals(List.of(new PartHeader("a", "Content-Disposition: form-data; name=\"a\"\r\n")),
                result.partHeaders());
        assertFalse(result.error());
        assertEquals(Map.of("MULTIPART_UNMATCHED_BOUNDARY", 2), raised(result));
    }

    @Test
    void unknownDispositionParameter() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"; size=3\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(List.of(), result.arguments());
        assertTrue(result.error());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_INVALID_PART", 1), raised(result));
    }

    @Test
    void somethingLikeABoundaryInsideData() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv --XX z\r\n--XY\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "v --XX z--XY")), result.arguments());
        assertEquals(Map.of("MULTIPART_UNMATCHED_BOUNDARY", 2), raised(result));
        BodyParseResult onePart = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--XY\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "--XY")), onePart.arguments());
        assertEquals(2, onePart.flag("MULTIPART_UNMATCHED_BOUNDARY"));
    }

    @Test
    void headerLineWithoutColonIsAnErrorButParsingGoesOn() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\nbogus\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "v")), result.arguments());
        assertEquals("Multipart parsing error: Multipart: Invalid part header (colon missing): bogus\r\n",
                result.errorMessage());
        assertEquals(Map.of("MULTIPART_UNMATCHED_BOUNDARY", 2), raised(result));
    }

    @Test
    void contentTypeBoundaryParameters() {
        String body = "--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XX--\r\n";
        assertEquals(List.of(new Argument("a", "v")), parse("multipart/form-data; boundary=XX; charset=utf-8", body).arguments());
        assertEquals(List.of(new Argument("a", "v")), parse("multipart/form-data; boundary=XX;charset", body).arguments());
        assertError("multipart/form-data; boundary=XX ; charset=utf-8", body, "Multipart: Invalid boundary in C-T (characters).");
        assertError("multipart/form-data; boundary=\"XX\"; charset=utf-8", body, "Multipart: Invalid boundary in C-T (quote).");
        assertError("multipart/form-data; boundary=XX charset=x", body, "Multipart: No boundaries found in payload.");
        assertError("multipart/form-data; Boundary=XX", body, "Multipart: Invalid boundary in C-T (case sensitivity).");
        assertError("multipart/form-data; boundary=X;Y", body, "Multipart: No boundaries found in payload.");
        assertError("multipart/mixed; boundary=XX", body, "Multipart: Invalid MIME type.");
        assertError("multipart/form-data", body, "Multipart: Boundary not found in C-T.");
        assertError("multipart/form-data; boundary=a; boundary=b", body, "Multipart: Multiple boundary parameters in C-T.");
    }

    private static void assertError(String contentType, String body, String message) {
        BodyParseResult result = parse(contentType, body);
        assertEquals("Multipart parsing error: " + message, result.errorMessage(), contentType);
        assertTrue(result.error());
        assertEquals(1, result.flag("MULTIPART_STRICT_ERROR"), contentType);
        assertEquals(List.of(), result.arguments());
    }

    @Test
    void boundaryFlags() {
        String body = "--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XX--\r\n";
        BodyParseResult quoted = parse("multipart/form-data; boundary=\"XX\"", body);
        assertEquals(List.of(new Argument("a", "v")), quoted.arguments());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2,
                "MULTIPART_BOUNDARY_QUOTED", 1), raised(quoted));
        BodyParseResult space = parse("multipart/form-data; boundary =XX", body);
        assertEquals(List.of(new Argument("a", "v")), space.arguments());
        assertEquals(1, space.flag("MULTIPART_BOUNDARY_WHITESPACE"));
        BodyParseResult leading = parse("multipart/form-data; boundary= XX", body);
        assertEquals("Multipart parsing error: Multipart: No boundaries found in payload.", leading.errorMessage());
        assertEquals(1, leading.flag("MULTIPART_BOUNDARY_WHITESPACE"));
        BodyParseResult noSemicolon = parse("multipart/form-data boundary=XX", body);
        assertEquals(List.of(new Argument("a", "v")), noSemicolon.arguments());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2,
                "MULTIPART_MISSING_SEMICOLON", 1), raised(noSemicolon));
    }

    @Test
    void emptyBoundaryFailsWithoutError() {
        String body = "--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XX--\r\n";
        for (String contentType : List.of("multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=")) {
            BodyParseResult result = parse(contentType, body);
            assertFalse(result.error(), contentType);
            assertEquals(List.of(), result.arguments());
            assertEquals(Map.of(), raised(result), contentType);
        }
    }

    @Test
    void emptyBodyAndNoContentType() {
        BodyParseResult empty = parse("");
        assertFalse(empty.error());
        assertEquals(Map.of(), raised(empty));
        BodyParseResult noHeader = parse(null, "--XX--\r\n");
        assertFalse(noHeader.error());
        assertEquals(Map.of(), noHeader.flags());
    }

    @Test
    void boundaryRightAfterThePartHeadersIsData() {
        // No line break of a data line before it: "Invalid part (data contains boundary)".
        BodyParseResult p1 = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--XX--\r\n");
        assertEquals(List.of(), p1.arguments());
        assertEquals("Multipart parsing error: Multipart: Final boundary missing.", p1.errorMessage());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_INVALID_PART", 1), raised(p1));
        BodyParseResult p2 = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "")), p2.arguments());
        assertEquals(Map.of("MULTIPART_UNMATCHED_BOUNDARY", 2), raised(p2));
        BodyParseResult p4 = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--XX\r\n"
                + "Content-Disposition: form-data; name=\"b\"\r\n\r\nw\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "--XXContent-Disposition: form-data; name=\"b\"w")), p4.arguments());
        assertEquals(1, p4.flag("MULTIPART_INVALID_PART"));
        BodyParseResult p5 = parse("--XX\r\n--XX\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nw\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("b", "w")), p5.arguments());
        assertEquals("Multipart parsing error: Multipart: Invalid part header (colon missing): --XX\r\n", p5.errorMessage());
    }

    @Test
    void unterminatedFinalBoundaryRightAfterThePartHeaders() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--XX--");
        // Taken as the final boundary all the same, but flagged first.
        assertEquals(List.of(new Argument("a", "")), result.arguments());
        assertFalse(result.error());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_INVALID_PART", 1), raised(result));
    }

    @Test
    void bareLfBeforeABoundaryLineIsAnLfLine() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "v")), result.arguments());
        assertEquals(Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 2, "MULTIPART_LF_LINE", 1,
                "MULTIPART_CRLF_LF_LINES", 1), raised(result));
        // A bare LF inside the data, not before a boundary, is not.
        BodyParseResult inside = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\nw\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "vw")), inside.arguments());
        assertEquals(Map.of("MULTIPART_UNMATCHED_BOUNDARY", 2), raised(inside));
        BodyParseResult cr = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "v\r")), cr.arguments());
    }

    @Test
    void headerLinesCountOnceTheNextHeaderLineIsRead() {
        BodyParseResult unnamed = parse("--XX\r\nX-A: 1\r\n\r\nX-B: 2\r\nContent-Disposition: form-data; name=\"c\"\r\n--XX--");
        assertEquals(List.of(new PartHeader("", "X-A: 1\r\n"), new PartHeader("", "X-B: 2\r\n")), unnamed.partHeaders());
        assertEquals("Multipart parsing error: Multipart: Part missing Content-Disposition header.", unnamed.errorMessage());
        assertEquals(List.of(), parse("--XX\r\nX-A: 1\r\n--XX--").partHeaders());
        assertEquals(List.of(new PartHeader("", "X-A: 1\r\n")), parse("--XX\r\nX-A: 1\r\nbogus\r\n--XX--").partHeaders());
        assertEquals(List.of(new PartHeader("", "X-A: 1\r\n")),
                parse("--XX\r\nX-A: 1\r\nX-A: 2\r\n\r\n--XX--").partHeaders());
        assertEquals(List.of(new PartHeader("", "X-A: 1 y")), parse("--XX\r\nX-A: 1\r\n y\r\n\r\n--XX--").partHeaders());
        assertEquals(List.of(), parse("--XX\r\nX-A: 1\r\nX\0: 2\r\n--XX--").partHeaders());
    }

    @Test
    void partHeadersOfFinishedPartsSurviveAMissingFinalBoundary() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n"
                + "--XX\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nw\r\n");
        assertEquals(List.of(), result.arguments());
        assertEquals(List.of(new PartHeader("a", "Content-Disposition: form-data; name=\"a\"\r\n")), result.partHeaders());
    }

    @Test
    void nulLineSetsNoLineEndingFlag() {
        BodyParseResult result = parse("--XX\r\n\0ab\n");
        assertEquals(0, result.flag("MULTIPART_LF_LINE"));
        assertEquals("Multipart parsing error: Multipart: Final boundary missing.", result.errorMessage());
    }

    @Test
    void nulByteInPartHeaders() {
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\nX-A: \0\r\n\r\nv\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", "v")), result.arguments());
        assertEquals("Multipart parsing error: Multipart: Nul byte in part headers.", result.errorMessage());
        assertEquals(0, result.flag("MULTIPART_STRICT_ERROR"));
    }

    @Test
    void partCountIsBounded() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            body.append("--XX\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\nv\r\n");
        }
        body.append("--XX--\r\n");
        BodyParseResult result = MultipartParser.parse(CT, body.toString().getBytes(StandardCharsets.ISO_8859_1),
                BodyLimits.defaults().withMaxParts(3));
        assertTrue(result.error());
        assertEquals(List.of(), result.arguments());
        assertEquals(5, parse(body.toString()).arguments().size());
    }

    @Test
    void fileLimitCountsOnlyWhenFilesWouldBeKept() {
        String body = "--XX\r\nContent-Disposition: form-data; name=\"f1\"; filename=\"a\"\r\n\r\nx\r\n"
                + "--XX\r\nContent-Disposition: form-data; name=\"f2\"; filename=\"b\"\r\n\r\ny\r\n--XX--\r\n";
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        BodyParseResult kept = MultipartParser.parse(CT, bytes, BodyLimits.defaults().withUploadFileLimit(1, true));
        assertEquals(1, kept.flag("MULTIPART_STRICT_ERROR"));
        assertEquals("Multipart parsing error: Multipart: Upload file limit exceeded 1. Use SecUploadFileLimit to "
                + "change the limit.", kept.errorMessage());
        assertEquals(2, kept.files().size());
        BodyParseResult notKept = MultipartParser.parse(CT, bytes, BodyLimits.defaults().withUploadFileLimit(1, false));
        assertFalse(notKept.error());
        assertEquals(0, notKept.flag("MULTIPART_STRICT_ERROR"));
    }

    @Test
    void longLinesAreCutAt4KiB() {
        String value = "x".repeat(10_000);
        BodyParseResult result = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + value + "\r\n--XX--\r\n");
        assertEquals(List.of(new Argument("a", value)), result.arguments());
        BodyParseResult longHeader = parse("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Long: " + value
                + "\r\n\r\nv\r\n--XX--\r\n");
        // Parsing stops there; the final-boundary check then overwrites the message.
        assertEquals("Multipart parsing error: Multipart: Final boundary missing.", longHeader.errorMessage());
        assertEquals(1, longHeader.flag("MULTIPART_STRICT_ERROR"));
        assertEquals(List.of(), longHeader.arguments());
    }
}
