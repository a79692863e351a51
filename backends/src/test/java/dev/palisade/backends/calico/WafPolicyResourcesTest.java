package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy's WAF as Calico's WAF resources, and every place they cannot say what the policy says. */
class WafPolicyResourcesTest {
    @TempDir
    Path directory;

    private final Diagnostics diagnostics = new Diagnostics();

    private List<ObjectNode> emit(String source) throws IOException {
        Path file = directory.resolve("bundle.pal");
        Files.writeString(file, source);
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(file));
        assertFalse(result.diagnostics().hasErrors(), () -> result.diagnostics().sorted().toString());
        BuildInput input = BuildInputs.from(result, diagnostics);
        return WafPolicyResources.emit(input, BuildOptions.defaults(), diagnostics);
    }

    private List<String> reported(DiagnosticCode code) {
        return diagnostics.sorted().stream().filter(d -> d.code() == code)
                .map(d -> d.severity() + " " + d.span().line() + ":" + d.span().column()).toList();
    }

    @Test
    void theWwwExampleBlocksAtParanoiaOneWithInboundThresholdFive() {
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(Path.of("policies-examples/www.pal")));
        List<ObjectNode> objects = WafPolicyResources.emit(BuildInputs.from(result, diagnostics),
                BuildOptions.defaults(), diagnostics);
        assertEquals("""
                ---
                apiVersion: applicationlayer.projectcalico.org/v3
                kind: GlobalWAFPlugin
                metadata:
                  name: www
                  annotations:
                    palisade.dev/policy: www
                    palisade.dev/selector: app == "www"
                spec:
                  config: |
                    SecAction "id:900110,phase:1,pass,t:none,nolog,setvar:tx.inbound_anomaly_score_threshold=5,setvar:tx.outbound_anomaly_score_threshold=4"
                ---
                apiVersion: applicationlayer.projectcalico.org/v3
                kind: GlobalWAFPolicy
                metadata:
                  name: default
                  annotations:
                    palisade.dev/policy: www
                    palisade.dev/selector: app == "www"
                spec:
                  defaultAction: Block
                  coreRuleSet:
                    state: Enabled
                    paranoiaLevel: 1
                  plugins:
                    - kind: GlobalWAFPlugin
                      name: www
                """, Yaml.stream(objects));
        // www names no namespace: the global WAF has no selector (line 4), and Calico's CRS is its own (line 12)
        assertEquals(List.of("WARNING 4:14", "WARNING 12:9"), diagnostics.sorted().stream()
                .map(d -> d.severity() + " " + d.span().line() + ":" + d.span().column()).toList());
        assertEquals(List.of("WARNING 4:14"), reported(DiagnosticCode.WAF_ATTACHMENT));
        assertEquals(List.of("WARNING 12:9"), reported(DiagnosticCode.WAF_CRS_SETTING));
    }

    @Test
    void aNamespacedPolicyInDetectionModeTargetsTheRouteNamedAfterIt() throws IOException {
        List<ObjectNode> objects = emit("""
                policy orders {
                    namespace "shop"
                    selector 'app == "orders"'
                    waf {
                        mode detection
                        crs paranoia 3 inbound-threshold 10 outbound-threshold 8
                        exclude rule 920350
                        exclude rule 942100-942110 for ARGS:password
                        seclang 'SecRule ARGS:debug "@streq 1" "id:5001,phase:1,deny"'
                    }
                }
                """);
        assertEquals(List.of("WAFPlugin", "WAFPolicy"), objects.stream().map(o -> o.get("kind").asText()).toList());
        JsonNode plugin = objects.get(0);
        assertEquals("shop", plugin.path("metadata").path("namespace").asText());
        assertEquals("SecAction \"id:900110,phase:1,pass,t:none,nolog,setvar:tx.inbound_anomaly_score_threshold=10,"
                + "setvar:tx.outbound_anomaly_score_threshold=8\"\n", plugin.path("spec").path("config").asText());
        // From the IR: the CRS rules as the exclusions left them (each rule of the range that exists,
        // in load order), then the block's SecLang with every resolved action written out.
        assertEquals("""
                SecRuleRemoveById 920350
                SecRuleUpdateTargetById 942100 "!ARGS:password"
                SecRuleUpdateTargetById 942110 "!ARGS:password"
                SecRuleUpdateTargetById 942101 "!ARGS:password"
                SecRule ARGS:debug "@streq 1" \\
                        "id:5001,phase:1,deny,status:403,log,t:none"
                """, plugin.path("spec").path("after").asText());
        assertFalse(plugin.path("spec").has("before"));
        JsonNode spec = objects.get(1).path("spec");
        assertEquals("Detect", spec.path("action").asText());
        assertEquals(3, spec.path("coreRuleSet").path("paranoiaLevel").asInt());
        assertEquals("orders", spec.path("plugins").get(0).path("name").asText());
        assertEquals("HTTPRoute", spec.path("targetRefs").get(0).path("kind").asText());
        assertEquals("orders", spec.path("targetRefs").get(0).path("name").asText());
        assertEquals(List.of("WARNING 3:14"), reported(DiagnosticCode.WAF_ROUTE_ATTACHMENT));
        for (ObjectNode object : objects) {
            assertEquals(List.of(), CalicoSchemas.load().problems(object), object::toString);
        }
    }

    @Test
    void aWafWithoutACrsLineTurnsTheCrsOffAndNeedsNoConfig() throws IOException {
        List<ObjectNode> objects = emit("""
                policy all-debug {
                    selector 'all()'
                    waf {
                        seclang 'SecRule ARGS:debug "@streq 1" "id:5001,phase:1,deny"'
                    }
                }
                """);
        JsonNode policy = objects.get(1);
        assertEquals("Disabled", policy.path("spec").path("coreRuleSet").path("state").asText());
        assertFalse(objects.get(0).path("spec").has("config"));
        assertEquals(List.of(), diagnostics.sorted(), "all() loses nothing to a global WAF policy");
    }

    @Test
    void aSecondGlobalWafIsAnErrorAtItsWafBlock() throws IOException {
        List<ObjectNode> objects = emit("""
                policy first {
                    selector 'all()'
                    waf { mode blocking }
                }
                policy second {
                    selector 'all()'
                    waf { mode detection }
                }
                """);
        assertEquals(List.of("GlobalWAFPolicy"), objects.stream().map(o -> o.get("kind").asText()).toList());
        assertEquals(List.of("ERROR 7:5"), reported(DiagnosticCode.WAF_GLOBAL_CONFLICT));
    }

    @Test
    void aCustomRuleRunsBeforeTheCrsAndAPathScopedExclusionIsAnError() throws IOException {
        List<ObjectNode> objects = emit("""
                policy login {
                    namespace "shop"
                    selector 'app == "login"'
                    waf {
                        exclude rule 942100 for ARGS:password on path prefix "/login"
                        rule 1001 "SQL injection in login" {
                            when ARGS:username | urlDecodeUni lowercase @detectSQLi
                            when REQUEST_METHOD @streq "POST"
                            deny 403
                        }
                    }
                }
                """);
        assertEquals("""
                SecRule ARGS:username "@detectSQLi" \\
                        "id:1001,phase:2,deny,status:403,log,t:none,t:urlDecodeUni,t:lowercase,\
                msg:'SQL injection in login',logdata:'Matched Data: %{MATCHED_VAR} found within %{MATCHED_VAR_NAME}',\
                chain"
                    SecRule REQUEST_METHOD "@streq POST" \\
                        "t:none"
                """, objects.get(0).path("spec").path("before").asText());
        assertEquals(List.of("ERROR 5:9"), reported(DiagnosticCode.WAF_RULES_NOT_EMITTED));
        Diagnostic exclusion = diagnostics.sorted().stream()
                .filter(d -> d.code() == DiagnosticCode.WAF_RULES_NOT_EMITTED).findFirst().orElseThrow();
        assertTrue(exclusion.message().startsWith("a path-scoped exclusion is not emitted to a Calico WAFPlugin yet"),
                exclusion.message());
        assertEquals(Severity.ERROR, exclusion.severity());
    }

    @Test
    void aCustomRuleWhoseMessageSecLangCannotSpellIsAnErrorAtTheRule() throws IOException {
        List<ObjectNode> objects = emit("""
                policy login {
                    namespace "shop"
                    selector 'app == "login"'
                    waf {
                        rule 1001 "the user's name" {
                            when ARGS:username @streq "a"
                            deny
                        }
                    }
                }
                """);
        assertEquals(List.of("ERROR 5:9"), reported(DiagnosticCode.WAF_RULES_NOT_EMITTED));
        String message = diagnostics.sorted().stream().filter(d -> d.code() == DiagnosticCode.WAF_RULES_NOT_EMITTED)
                .findFirst().orElseThrow().message();
        assertTrue(message.startsWith("this cannot be written as SecLang exactly for a Calico WAFPlugin"), message);
        assertEquals(List.of("WAFPolicy"), objects.stream().map(o -> o.get("kind").asText()).toList());
    }

    @Test
    void aQuoteInACustomRuleArgumentIsQuotedAsSecLangReadsIt() throws IOException {
        List<ObjectNode> objects = emit("""
                policy login {
                    namespace "shop"
                    selector 'app == "login"'
                    waf {
                        rule 1001 "quoted" {
                            when ARGS:username @streq "a\\"b"
                            deny
                        }
                    }
                }
                """);
        assertEquals(List.of(), reported(DiagnosticCode.WAF_RULES_NOT_EMITTED));
        assertTrue(objects.get(0).path("spec").path("before").asText().startsWith("SecRule ARGS:username \"@streq a\\\"b\""),
                objects.get(0)::toString);
    }

    @Test
    void anIncludedFilesRulesAreWrittenFromTheIr() throws IOException {
        Files.writeString(directory.resolve("legacy.conf"), "SecRule ARGS:x \"@streq 2\" \"id:5002,phase:1,deny\"\n");
        List<ObjectNode> objects = emit("""
                policy legacy {
                    namespace "shop"
                    selector 'app == "legacy"'
                    waf { seclang include "legacy.conf" }
                }
                """);
        // No crs line: every rule runs before the (disabled) CRS.
        assertEquals("SecRule ARGS:x \"@streq 2\" \\\n        \"id:5002,phase:1,deny,status:403,log,t:none\"\n",
                objects.get(0).path("spec").path("before").asText());
    }

    @Test
    void anIncludedFileComesFromTheBuildInputNotTheDisk() throws IOException {
        Files.writeString(directory.resolve("legacy.conf"), "SecRule ARGS:x \"@streq 2\" \"id:5002,phase:1,deny\"\n");
        Path file = directory.resolve("bundle.pal");
        Files.writeString(file, """
                policy legacy {
                    namespace "shop"
                    selector 'app == "legacy"'
                    waf { seclang include "legacy.conf" }
                }
                """);
        BuildInput input = BuildInputs.from(PolicyCompiler.check(List.of(file)), diagnostics);
        Files.writeString(directory.resolve("legacy.conf"), "SecRule ARGS:x \"@streq 3\" \"id:5002,phase:1,deny\"\n");
        List<ObjectNode> objects = WafPolicyResources.emit(input, BuildOptions.defaults(), diagnostics);
        assertEquals("SecRule ARGS:x \"@streq 2\" \\\n        \"id:5002,phase:1,deny,status:403,log,t:none\"\n",
                objects.get(0).path("spec").path("before").asText());
    }

    @Test
    void crsV4SettingsBecomeTheirCrsSetupSecActions() throws IOException {
        Path release = Path.of("../shared/crs-rules/v4.28.0").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(release.resolve("rules")),
                "the CRS v4.28.0 release is not at ../shared/crs-rules/v4.28.0");
        List<ObjectNode> objects = emit("""
                policy api {
                    namespace "shop"
                    selector 'app == "api"'
                    waf {
                        crs version 4 dir "%s" blocking-paranoia 2 detection-paranoia 3 early-blocking arg-length 400
                    }
                }
                """.formatted(release));
        assertEquals(2, objects.get(1).path("spec").path("coreRuleSet").path("paranoiaLevel").asInt());
        assertEquals("""
                SecAction "id:900110,phase:1,pass,t:none,nolog,setvar:tx.inbound_anomaly_score_threshold=5,setvar:tx.outbound_anomaly_score_threshold=4"
                SecAction "id:900001,phase:1,pass,t:none,nolog,setvar:tx.detection_paranoia_level=3"
                SecAction "id:900120,phase:1,pass,t:none,nolog,setvar:tx.early_blocking=1"
                SecAction "id:900320,phase:1,pass,t:none,nolog,setvar:tx.arg_length=400"
                """, objects.get(0).path("spec").path("config").asText());
        assertTrue(diagnostics.sorted().stream().filter(d -> d.code() == DiagnosticCode.WAF_CRS_SETTING)
                .anyMatch(d -> d.message().contains("the CRS v4 release at `" + release + "`")));
    }

    @Test
    void aStagedBuildDetectsInsteadOfBlocking() throws IOException {
        Path file = directory.resolve("bundle.pal");
        Files.writeString(file, """
                policy api {
                    namespace "shop"
                    selector 'app == "api"'
                    waf { mode blocking }
                }
                """);
        BuildInput input = BuildInputs.from(PolicyCompiler.check(List.of(file)), diagnostics);
        BuildOptions staged = new BuildOptions(BuildOptions.CALICO_V3, true, "image", "default");
        assertEquals("Detect", WafPolicyResources.emit(input, staged, diagnostics).get(0).path("spec").path("action")
                .asText());
        assertEquals("Block", WafPolicyResources.emit(input, BuildOptions.defaults(), diagnostics).get(0)
                .path("spec").path("action").asText());
    }

    @Test
    void aRuleThatReadsADataFileIsAnErrorAtItsOperator() throws IOException {
        Files.writeString(directory.resolve("bots.data"), "evilbot\n");
        Files.writeString(directory.resolve("nets.data"), "10.0.0.0/8\n");
        Files.writeString(directory.resolve("legacy.conf"),
                "SecRule REMOTE_ADDR \"@ipMatchFromFile nets.data\" \"id:5002,phase:1,deny\"\n");
        emit("""
                policy bots {
                    namespace "shop"
                    selector 'app == "shop"'
                    waf {
                        rule 1001 "bot" {
                            when REQUEST_HEADERS:User-Agent @pmFromFile "bots.data"
                            deny
                        }
                        seclang include "legacy.conf"
                        seclang 'SecRule ARGS "@pmf bots.data" "id:5003,phase:2,deny"'
                        rule 1002 "no file" {
                            when REQUEST_HEADERS:User-Agent @pm "curl wget"
                            deny
                        }
                    }
                }
                """);
        assertEquals(List.of("ERROR 5:9", "ERROR 10:32"), reported(DiagnosticCode.WAF_RULES_NOT_EMITTED).stream()
                .filter(at -> !at.startsWith("ERROR 1:")).toList());
        List<String> included = diagnostics.sorted().stream().filter(d -> d.code() == DiagnosticCode.WAF_RULES_NOT_EMITTED)
                .filter(d -> d.span().file().endsWith("legacy.conf")).map(d -> d.span().location()).toList();
        assertEquals(List.of(directory.resolve("legacy.conf") + ":1:22"), included);
        for (Diagnostic error : diagnostics.sorted().stream().filter(Diagnostic::isError).toList()) {
            String expected = error.span().line() == 5 ? "@pmFromFile reads a file Calico's WAF does not have"
                    : "reads a data file, which a Calico WAFPlugin cannot carry";
            assertTrue(error.message().contains(expected), error::toString);
        }
    }

    @Test
    void noWafBlockNoObjects() throws IOException {
        assertEquals(List.of(), emit("""
                policy api {
                    selector 'app == "api"'
                    alp { allow GET }
                }
                """));
    }
}
