package dev.palisade.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.parse.PolicyParser;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.body.Argument;
import dev.palisade.engine.waf.body.BodyLimits;
import dev.palisade.engine.waf.body.BodyParseResult;
import dev.palisade.engine.waf.body.MultipartParser;
import dev.palisade.engine.waf.body.UploadedFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request a test case sends: cookies as a browser joins them, multipart bodies the WAF can parse. */
class TestRequestTest {
    private static final Workload WORKLOAD = new Workload(Map.of("app", "up"), "default");

    private static TestRequest request(String testCase) {
        String policy = "policy up {\n selector 'app == \"up\"'\n}\ntest up {\n " + testCase + "\n}\n";
        Diagnostics diagnostics = new Diagnostics();
        PolicyParser.Parsed parsed = PolicyParser.parse("t.pal", policy.getBytes(StandardCharsets.UTF_8), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        TestDecl.TestCase parsedCase = parsed.ast().orElseThrow().tests().get(0).cases().get(0);
        return TestRequest.of(parsedCase, WORKLOAD);
    }

    private static List<String> values(TestRequest request, String name) {
        return request.headers().stream().filter(header -> header.name().equalsIgnoreCase(name)).map(TestRequest.Header::value).toList();
    }

    @Test
    void cookiesJoinIntoOneHeaderInTheOrderWritten() {
        TestRequest request = request("GET \"/\" cookie sid=\"1\" theme=\"dark\" cookie lang=\"en\" -> allow");
        assertEquals(List.of("sid=1; theme=dark; lang=en"), values(request, "Cookie"));
    }

    @Test
    void cookiesJoinACookieHeaderTheCaseWrites() {
        TestRequest request = request("GET \"/\" header \"Cookie\" = \"a=0\" cookie sid=\"1\" -> allow");
        assertEquals(List.of("a=0; sid=1"), values(request, "Cookie"));
    }

    @Test
    void aMultipartBodyIsParsedByTheWafIntoItsFieldsAndFiles() {
        TestRequest request = request("POST \"/upload\" multipart note=\"holiday \\\"pics\\\"\" "
                + "photo=file \"beach.jpg\" \"JPEG\" shell=file \"a.php\" '<?php ?>' -> allow");
        List<String> contentType = values(request, "Content-Type");
        assertEquals(1, contentType.size());
        assertTrue(contentType.get(0).startsWith("multipart/form-data; boundary="), contentType::toString);
        assertEquals(List.of(Integer.toString(request.body().length)), values(request, "Content-Length"));

        BodyParseResult parsed = MultipartParser.parse(contentType.get(0), request.body(), BodyLimits.defaults());
        assertFalse(parsed.error(), parsed.errorMessage());
        assertTrue(parsed.arguments().contains(new Argument("note", "holiday \"pics\"")), parsed.arguments()::toString);
        assertEquals(List.of("photo", "shell"), parsed.files().stream().map(UploadedFile::fieldName).toList());
        assertEquals(List.of("beach.jpg", "a.php"), parsed.files().stream().map(UploadedFile::fileName).toList());
        assertEquals(List.of(4L, 8L), parsed.files().stream().map(UploadedFile::size).toList());
    }

    @Test
    void aPartThatContainsTheBoundaryGetsAnotherOne() {
        TestRequest request = request("POST \"/\" multipart text=\"--palisade-test-boundary--\" -> allow");
        String contentType = values(request, "Content-Type").get(0);
        BodyParseResult parsed = MultipartParser.parse(contentType, request.body(), BodyLimits.defaults());
        assertFalse(parsed.error(), parsed.errorMessage());
        assertEquals(List.of(new Argument("text", "--palisade-test-boundary--")), parsed.arguments());
    }
}
