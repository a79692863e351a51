package dev.palisade.cli.ftw;

import static dev.palisade.cli.ftw.FtwInputs.header;
import static dev.palisade.cli.ftw.FtwInputs.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.lower.waf.LowerSecLang;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.seclang.SecLangReader;
import dev.palisade.dsl.seclang.SecLangStatements;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The in-process albedo and the response phases it feeds through {@link InProcessTarget}. */
class ReflectBackendTest {

    private static WafRequest post(String target, String json) {
        return WafRequest.of("POST", target, List.of(new WafRequest.Header("Content-Type", "application/json")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(WafResponse response) {
        return new String(response.body(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void reflectAnswersWithTheGivenStatusHeadersAndBody() {
        WafResponse response = ReflectBackend.answer(post("/reflect",
                "{\"status\": 201, \"headers\": {\"Content-Type\": \"text/html\", \"X-A\": \"b\"},"
                        + " \"body\": \"<p>hi</p>\", \"logMessage\": \"ignored\"}"));
        assertEquals(201, response.status());
        assertEquals(Optional.of("text/html"), response.header("content-type"));
        assertEquals(Optional.of("b"), response.header("X-A"));
        assertEquals(Optional.of("9"), response.header("Content-Length"));
        assertEquals("<p>hi</p>", text(response));
    }

    @Test
    void encodedBodyIsBase64AndWinsOverBody() {
        WafResponse response = ReflectBackend.answer(post("/reflect?x=1",
                "{\"body\": \"plain\", \"encodedBody\": \"AAE=\"}"));
        assertEquals(200, response.status());
        assertEquals(2, response.body().length);
        assertEquals(Optional.of("application/octet-stream"), response.header("Content-Type"));
    }

    @Test
    void withoutAContentTypeTheBodyIsSniffedAsGoDoes() {
        assertEquals(Optional.of("text/plain; charset=utf-8"),
                ReflectBackend.answer(post("/reflect", "{\"body\": \"Invalid date selected\"}")).header("Content-Type"));
        assertEquals("text/html; charset=utf-8", ReflectBackend.sniff("  <HTML><body>x".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("text/xml; charset=utf-8", ReflectBackend.sniff("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), ReflectBackend.answer(post("/reflect", "{}")).header("Content-Type"));
    }

    @Test
    void otherPathsAndMethodsGet200WithoutABody() {
        WafResponse other = ReflectBackend.answer(post("/post", "{\"status\": 500}"));
        assertEquals(200, other.status());
        assertEquals(0, other.body().length);
        WafResponse get = ReflectBackend.answer(WafRequest.of("GET", "/reflect", List.of(), new byte[0]));
        assertEquals(200, get.status());
    }

    @Test
    void aSpecThatIsNotAJsonObjectIsRefused() {
        assertEquals(400, ReflectBackend.answer(post("/reflect", "not json")).status());
        assertEquals(400, ReflectBackend.answer(post("/reflect", "[1]")).status());
        assertEquals(400, ReflectBackend.answer(post("/reflect", "{\"encodedBody\": \"!!\"}")).status());
    }

    private static WafInterpreter interpreter(EngineMode mode) {
        Diagnostics diagnostics = new Diagnostics();
        LowerSecLang lower = new LowerSecLang(mode, diagnostics);
        lower.add(SecLangStatements.of(SecLangReader.read(new SourceFile("<test>", String.join("\n",
                "SecResponseBodyAccess On",
                "SecResponseBodyMimeType text/plain text/html",
                "SecRule RESPONSE_BODY \"@contains leaked-secret\" \"id:951001,phase:4,deny,status:403,log\"",
                "SecRule RESPONSE_STATUS \"@streq 503\" \"id:950001,phase:3,pass,log\"",
                "SecRule ARGS \"@contains evil\" \"id:942001,phase:2,deny,status:403,log\"",
                "SecAction \"id:980001,phase:5,pass,log\"")), diagnostics), diagnostics), Path.of("."));
        assertFalse(diagnostics.hasErrors(), diagnostics.toString());
        return new WafInterpreter(lower.finish());
    }

    private static FtwStage reflect(String json) {
        return new FtwStage(1, FtwInputs.v4("POST", "/reflect",
                List.of(host(), header("Content-Type", "application/json")), json, true), FtwRunnerTest.ids());
    }

    @Test
    void theInProcessTargetRunsTheResponsePhasesOnTheReflectedResponse() {
        InProcessTarget target = new InProcessTarget(interpreter(EngineMode.ON));
        FtwOutcome leak = target.send(reflect("{\"body\": \"here is the leaked-secret\"}"));
        assertEquals(OptionalInt.of(403), leak.status());
        assertTrue(leak.firedIds().containsAll(List.of(951001L, 980001L)), leak.firedIds().toString());

        FtwOutcome status = target.send(reflect("{\"status\": 503, \"body\": \"busy\"}"));
        assertEquals(OptionalInt.of(503), status.status());
        assertEquals(Optional.of("busy"), status.responseBody());
        assertTrue(status.firedIds().contains(950001L), status.firedIds().toString());

        // A JSON response is not in SecResponseBodyMimeType: phase 4 does not read it.
        FtwOutcome json = target.send(reflect(
                "{\"headers\": {\"Content-Type\": \"application/json\"}, \"body\": \"leaked-secret\"}"));
        assertEquals(OptionalInt.of(200), json.status());
        assertFalse(json.firedIds().contains(951001L));
    }

    @Test
    void anInterruptedRequestNeverReachesTheBackendButPhaseFiveRuns() {
        FtwOutcome blocked = new InProcessTarget(interpreter(EngineMode.ON)).send(new FtwStage(1,
                FtwInputs.v4("GET", "/reflect?q=evil", List.of(host()), null, true), FtwRunnerTest.ids()));
        assertEquals(OptionalInt.of(403), blocked.status());
        assertEquals(java.util.Set.of(942001L, 980001L), blocked.firedIds());
    }

    @Test
    void inDetectionModeTheResponseRulesLogButTheResponseGoesThrough() {
        FtwOutcome leak = new InProcessTarget(interpreter(EngineMode.DETECTION_ONLY))
                .send(reflect("{\"status\": 404, \"body\": \"leaked-secret\"}"));
        assertEquals(OptionalInt.of(404), leak.status());
        assertTrue(leak.firedIds().contains(951001L));
    }
}
