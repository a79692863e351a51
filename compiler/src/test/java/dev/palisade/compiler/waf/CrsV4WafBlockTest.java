package dev.palisade.compiler.waf;

import static dev.palisade.compiler.waf.SecLangRuleSets.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.lower.waf.LowerWafBlock;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.parse.PolicyParser;
import dev.palisade.engine.waf.WafResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crs version 4 dir "PATH"}: a CRS v4 release selected by the waf block, its settings lowered
 * to v4's tx variables, its plugins included around the rules, and the checks of the crs line.
 */
class CrsV4WafBlockTest {

    @TempDir
    Path directory;

    /** A miniature v4 release: each rule logs when the setting or the load order it tests holds. */
    @BeforeEach
    void release() throws IOException {
        Path crs = directory.resolve("crs");
        Files.createDirectories(crs.resolve("rules"));
        Files.createDirectories(crs.resolve("plugins"));
        Files.writeString(crs.resolve("crs-setup.conf.example"),
                "SecAction \"id:900990,phase:1,pass,nolog,setvar:tx.crs_setup_version=4280\"\n");
        Files.writeString(crs.resolve("rules/REQUEST-901-TEST.conf"), String.join("\n",
                "SecRule TX:BLOCKING_PARANOIA_LEVEL \"@eq 2\" \"id:1,phase:1,pass,log\"",
                "SecRule TX:DETECTION_PARANOIA_LEVEL \"@eq 3\" \"id:2,phase:1,pass,log\"",
                "SecRule TX:EARLY_BLOCKING \"@eq 1\" \"id:3,phase:1,pass,log\"",
                "SecRule TX:ARG_LENGTH \"@eq 400\" \"id:4,phase:1,pass,log\"",
                "SecRule TX:COMBINED_FILE_SIZES \"@eq 65535\" \"id:5,phase:1,pass,log\"",
                "SecRule TX:INBOUND_ANOMALY_SCORE_THRESHOLD \"@eq 10\" \"id:6,phase:1,pass,log\"",
                "SecRule TX:ORDER \"@streq config-before\" \"id:7,phase:1,pass,log,setvar:tx.order=%{tx.order}-rules\"",
                "SecRule &TX:PARANOIA_LEVEL \"@eq 0\" \"id:8,phase:1,pass,log\"", ""));
        Files.writeString(crs.resolve("plugins/demo-config.conf"),
                "SecAction \"id:9001,phase:1,pass,nolog,setvar:tx.order=config\"\n");
        Files.writeString(crs.resolve("plugins/demo-before.conf"),
                "SecRule TX:ORDER \"@streq config\" \"id:9002,phase:1,pass,log,setvar:tx.order=%{tx.order}-before\"\n");
        Files.writeString(crs.resolve("plugins/demo-after.conf"),
                "SecRule TX:ORDER \"@streq config-before-rules\" \"id:9003,phase:1,pass,log\"\n");
        Files.writeString(crs.resolve("plugins/demo-notes.txt"), "not a plugin file\n");
    }

    private static String policy(String crsLine) {
        return "policy www {\n  selector 'all()'\n  waf {\n    mode detection\n    " + crsLine + "\n  }\n}\n";
    }

    private WafInterpreter lowered(String crsLine) {
        Diagnostics diagnostics = new Diagnostics();
        PolicyFile file = PolicyParser.parse(new SourceFile(directory.resolve("www.pal").toString(), policy(crsLine)),
                diagnostics).ast().orElseThrow();
        var waf = LowerWafBlock.lower(file.policies().get(0).waf().orElseThrow(), directory, diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        return new WafInterpreter(waf);
    }

    private List<Diagnostic> check(String crsLine) throws IOException {
        Path file = directory.resolve("waf.pal");
        Files.writeString(file, policy(crsLine));
        return PolicyCompiler.check(List.of(file)).diagnostics().sorted();
    }

    private static String at(Diagnostic diagnostic) {
        return diagnostic.code() + "@" + diagnostic.span().line() + ":" + diagnostic.span().column();
    }

    @Test
    void theSettingsBecomeV4TxVariablesAndPluginsLoadAroundTheRules() {
        WafResult result = lowered("crs version 4 dir \"crs\" blocking-paranoia 2 detection-paranoia 3 early-blocking"
                + " inbound-threshold 10 arg-length 400 combined-file-sizes 65535").inspect(get("/"));
        assertEquals(List.of(9002L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9003L), result.firedIds());
    }

    @Test
    void withoutSettingsV4UsesItsOwnDefaults() {
        WafResult result = lowered("crs version 4 dir \"crs\"").inspect(get("/"));
        assertFalse(result.firedIds().contains(1L), "blocking paranoia defaults to 1");
        assertTrue(result.firedIds().containsAll(List.of(9002L, 7L, 9003L)), result.firedIds().toString());
        assertFalse(result.firedIds().contains(3L), "early blocking is off unless asked for");
    }

    @Test
    void paranoiaIsTheBlockingParanoiaLevelInV4() {
        assertTrue(lowered("crs version 4 dir \"crs\" paranoia 2").inspect(get("/")).firedIds().contains(1L));
    }

    @Test
    void aGoodV4LineChecksClean() throws IOException {
        assertEquals(List.of(), check("crs version 4 dir \"crs\" blocking-paranoia 2 detection-paranoia 4 early-blocking"
                + " inbound-threshold 10 outbound-threshold 5 max-num-args 255 arg-name-length 100 arg-length 400"
                + " total-arg-length 6400 max-file-size 64100 combined-file-sizes 65535"));
    }

    @Test
    void mistakesAreReportedAtTheirOwnSpans() throws IOException {
        assertEquals(List.of("MISSING_FILE@5:23"), check("crs version 4 dir \"nowhere\"").stream()
                .map(CrsV4WafBlockTest::at).toList());
        assertEquals(List.of("OUT_OF_RANGE@5:47"), check("crs version 4 dir \"crs\" blocking-paranoia 5").stream()
                .map(CrsV4WafBlockTest::at).toList());
        assertEquals(List.of("OUT_OF_RANGE@5:17"), check("crs version 5").stream().map(CrsV4WafBlockTest::at).toList());
        assertEquals(List.of("OUT_OF_RANGE@5:68"),
                check("crs version 4 dir \"crs\" blocking-paranoia 3 detection-paranoia 2").stream()
                        .map(CrsV4WafBlockTest::at).toList());
        List<Diagnostic> unknown = check("crs version 4 dir \"crs\" erly-blocking");
        assertEquals(List.of("WRONG_ARGUMENTS@5:29"), unknown.stream().map(CrsV4WafBlockTest::at).toList());
        assertTrue(unknown.get(0).help().orElse("").contains("early-blocking"), unknown.toString());
        assertEquals(List.of("WRONG_ARGUMENTS@5:9"), check("crs version 4").stream().map(CrsV4WafBlockTest::at).toList());
        assertEquals(List.of("WRONG_ARGUMENTS@5:20"), check("crs paranoia 1 early-blocking").stream()
                .map(CrsV4WafBlockTest::at).toList());
        assertEquals(List.of("WRONG_ARGUMENTS@5:40"), check("crs version 4 dir \"crs\" arg-length \"x\"").stream()
                .map(CrsV4WafBlockTest::at).toList());
        assertEquals(List.of("DUPLICATE_SETTING@5:42"), check("crs version 4 dir \"crs\" arg-length 1 arg-length 2")
                .stream().map(CrsV4WafBlockTest::at).toList());
    }

    @Test
    void theRealV4ReleaseLoadsWithoutDiagnostics() {
        Path release = Path.of(System.getProperty("palisade.root", ".")).resolve("../shared/crs-rules/v4.28.0");
        assumeTrue(Files.isDirectory(release.resolve("rules")), "skipped: no CRS v4.28.0 at " + release);
        WafResult attack = lowered("crs version 4 dir \"" + release.toAbsolutePath() + "\" paranoia 1")
                .inspect(get("/?q=%27%20or%201%3D1--"));
        assertTrue(attack.firedIds().contains(942100L), attack.firedIds().toString());
    }
}
