package dev.palisade.backends.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput;
import dev.palisade.compiler.ir.waf.IrWaf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitted {@code <policy>.conf}, read back as ModSecurity would (following its {@code Include}
 * lines into the installed Core Rule Set), gives the policy's own WAF: same rules, same order, same
 * settings. Only the ids Palisade's id-less rules are written with differ, by design.
 */
class SecLangRoundTripTest {
    private static final Path CRS = Path.of("/usr/share/modsecurity-crs/rules");

    private static final Path CRS_V4 = Path.of("../shared/crs-rules/v4.28.0");

    private static void assumeCrs() {
        assumeTrue(Files.isDirectory(CRS) && Files.isReadable(Path.of("/etc/modsecurity/crs/crs-setup.conf")),
                "skipped: Debian's CRS is not installed (package `modsecurity-crs`: /usr/share/modsecurity-crs/rules)");
    }

    @Test
    void theWwwExampleReadsBackAsItsOwnWaf(@TempDir Path out) throws Exception {
        assumeCrs();
        BuildInput input = EmittedConf.build(Path.of("policies-examples/www.pal"));
        BackendOutput output = EmittedConf.emit(input);
        assertEquals(List.of("www.conf"), output.files().stream().map(BackendOutput.OutputFile::path).toList());
        String text = output.files().get(0).text();
        assertTrue(text.contains("Include \"/usr/share/modsecurity-crs/rules/REQUEST-942-APPLICATION-ATTACK-SQLI.conf\""),
                text);
        assertTrue(text.lines().noneMatch(line -> line.contains("id:942100")), "CRS rules are included, not copied");
        IrWaf policy = input.wafs().get("www").ir();
        assertEquals(EmittedConf.expectedDump(policy), IrWafDump.dump(EmittedConf.readBack(out, "www.conf", text)));
    }

    @Test
    void customRulesExclusionsAndSeclangReadBackInTheirPlaces(@TempDir Path dir) throws Exception {
        assumeCrs();
        Path policy = dir.resolve("shop.pal");
        Files.writeString(dir.resolve("legacy.conf"), """
                SecRule REQUEST_HEADERS:User-Agent "@pmFromFile bots.data" "id:3001,phase:1,deny,status:418,log,msg:'bot'"
                SecRuleRemoveById 920350
                """);
        Files.writeString(dir.resolve("bots.data"), "evilbot\n");
        Files.writeString(policy, """
                policy shop {
                  selector 'app == "shop"'
                  waf {
                    mode detection
                    crs paranoia 2 inbound-threshold 10
                    rule 1001 "SQL injection in login" {
                      phase request-body
                      when ARGS:username, ARGS:"/^pass/" | urlDecodeUni lowercase @detectSQLi
                      when REQUEST_HEADERS:X-Internal !@streq "yes"
                      severity "critical"
                      tag "shop/login"
                      deny 406
                    }
                    exclude rule 942100 for ARGS:password on path prefix "/login", exact "/signin"
                    exclude rule 913100
                    exclude rule 941100-941130
                    exclude rule 942200 for REQUEST_COOKIES:"/^session/"
                    seclang include "legacy.conf"
                    seclang '''
                SecMarker BEGIN_SHOP
                SecRule ARGS "@rx (?i)a\\\\d+\\"b" \\
                    "id:3002,phase:2,pass,nolog,capture,t:none,t:lowercase,setvar:'tx.shop=+1',\\
                    ctl:ruleRemoveTargetById=942100;ARGS:q,skipAfter:END_SHOP,chain"
                    SecRule &TX:shop "@gt 0" "t:none,multiMatch"
                SecAction "id:3003,phase:1,pass,log,msg:'a, b',logdata:'%{MATCHED_VAR}'"
                SecMarker END_SHOP
                SecRuleUpdateTargetById 942100 "REQUEST_HEADERS:X-Referer|REQUEST_HEADERS:Origin" "REQUEST_HEADERS:Referer"
                SecRuleUpdateTargetById 942100 "ARGS_GET_NAMES" "ARGS_NAMES"
                SecRuleUpdateTargetById 942100 "!ARGS:note"
                '''
                  }
                }
                """);
        BuildInput input = EmittedConf.build(policy);
        BackendOutput output = EmittedConf.emit(input);
        String text = output.files().get(0).text();
        Path out = Files.createDirectory(dir.resolve("out"));
        IrWaf waf = input.wafs().get("shop").ir();
        assertEquals(EmittedConf.expectedDump(waf, input, out), IrWafDump.dump(EmittedConf.readBack(out, output, "shop.conf")));
        assertTrue(text.contains("SecRuleRemoveById 913100\n"), text);
        assertTrue(text.contains("SecRuleUpdateTargetById 942200 \"!REQUEST_COOKIES:/^session/\""), text);
        // Two neighbours replaced: how the three new targets are split between them does not change the list.
        assertTrue(text.contains("SecRuleUpdateTargetById 942100 \"REQUEST_HEADERS:X-Referer\" \"REQUEST_HEADERS:Referer\"\n"
                + "SecRuleUpdateTargetById 942100 \"REQUEST_HEADERS:Origin|ARGS_GET_NAMES\" \"ARGS_NAMES\"\n"
                + "SecRuleUpdateTargetById 942100 \"!ARGS:note\"\n"), text);
        assertTrue(text.contains("\"@pmFromFile data/bots.data\""), "data files relative to the .conf: " + text);
        assertEquals(List.of("shop.conf", "data/bots.data"), output.files().stream().map(BackendOutput.OutputFile::path).toList());
        assertEquals("evilbot\n", output.files().get(1).text());
        assertTrue(text.indexOf("id:1001,") < text.indexOf("REQUEST-901-INITIALIZATION.conf"),
                "custom rules run before the CRS: " + text);
        assertTrue(text.indexOf("id:3002,") > text.indexOf("REQUEST-949-BLOCKING-EVALUATION.conf"),
                "the block's SecLang after it: " + text);
    }

    @Test
    void aWafWithoutCrsIsWrittenOutWhole(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("api.pal");
        Files.writeString(policy, """
                policy api {
                  selector 'app == "api"'
                  waf {
                    rule 7 "no scanners" {
                      phase request-headers
                      when REQUEST_HEADERS:User-Agent | lowercase @contains "sqlmap"
                      deny
                    }
                    exclude rule 7 on path exact "/health"
                  }
                }
                """);
        BuildInput input = EmittedConf.build(policy);
        String text = EmittedConf.emit(input).files().get(0).text();
        assertTrue(!text.contains("Include"), text);
        assertTrue(text.contains("id:" + InternalRuleIds.FIRST + ","), "the exclusion gets an id: " + text);
        IrWaf waf = input.wafs().get("api").ir();
        assertEquals(EmittedConf.expectedDump(waf), IrWafDump.dump(EmittedConf.readBack(dir, "api.conf", text)));
    }

    /**
     * Text past ASCII, in a policy's rule and exclusion and in an included SecLang file: the WAF
     * holds its UTF-8 bytes, and the file carries those bytes once (not encoded twice), so
     * ModSecurity compares what Palisade compares, and reading the file back gives the same IR.
     */
    @Test
    void textPastAsciiIsWrittenAsItsUtf8BytesOnce(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("legacy.conf"), "SecRule ARGS:q \"@streq caf\u00c3\u00a9\" \"id:3001,phase:2,deny,t:none,msg:'caf\u00c3\u00a9'\"\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path policy = dir.resolve("menu.pal");
        Files.writeString(policy, """
                policy menu {
                  selector 'app == "menu"'
                  waf {
                    rule 7 "crème" {
                      when ARGS:"café" @streq "brûlée"
                      deny
                    }
                    exclude rule 7 on path exact "/menü"
                    seclang include "legacy.conf"
                  }
                }
                """);
        BuildInput input = EmittedConf.build(policy);
        String text = EmittedConf.emit(input).files().get(0).text();
        for (String written : List.of("ARGS:café \"@streq brûlée\"", "msg:'crème'", "@streq /menü", "\"@streq café\"",
                "msg:'café'")) {
            assertTrue(text.contains(written), written + " in\n" + text);
        }
        assertTrue(!text.contains("\u00c3"), "nothing encoded twice: " + text);
        IrWaf waf = input.wafs().get("menu").ir();
        assertEquals(EmittedConf.expectedDump(waf), IrWafDump.dump(EmittedConf.readBack(dir, "menu.conf", text)));
    }

    @Test
    void aCrsV4ReleaseIsIncludedWithItsTuning(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(CRS_V4.resolve("rules")), "skipped: no CRS v4 release at ../shared/crs-rules/v4.28.0");
        Path policy = dir.resolve("v4.pal");
        Files.writeString(policy, """
                policy v4 {
                  selector 'app == "v4"'
                  waf {
                    crs version 4 dir "%s" blocking-paranoia 2 detection-paranoia 3 early-blocking arg-length 400
                    exclude rule 942100 for ARGS:password
                  }
                }
                """.formatted(CRS_V4.toAbsolutePath().normalize()));
        BuildInput input = EmittedConf.build(policy);
        String text = EmittedConf.emit(input).files().get(0).text();
        assertTrue(text.contains("Include \"" + CRS_V4.toAbsolutePath().normalize().resolve("crs-setup.conf.example")), text);
        assertTrue(text.contains("setvar:'tx.blocking_paranoia_level=2'") && text.contains("id:900120,"), text);
        assertTrue(text.contains("SecRuleUpdateTargetById 942100 \"!ARGS:password\""), text);
        Path out = Files.createDirectory(dir.resolve("out"));
        IrWaf waf = input.wafs().get("v4").ir();
        assertEquals(EmittedConf.expectedDump(waf), IrWafDump.dump(EmittedConf.readBack(out, "v4.conf", text)));
    }

    @Test
    void theOutputIsTheSameTextEveryTime(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("api.pal");
        Files.writeString(policy, """
                policy api {
                  selector 'app == "api"'
                  waf {
                    mode detection
                    rule 7 "no scanners" {
                      phase request-headers
                      when REQUEST_HEADERS:User-Agent | lowercase @contains "sqlmap"
                      deny
                    }
                    exclude rule 7 on path exact "/health"
                  }
                }
                """);
        BuildInput input = EmittedConf.build(policy);
        String text = EmittedConf.emit(input).files().get(0).text();
        assertEquals(text, EmittedConf.emit(EmittedConf.build(policy)).files().get(0).text());
        assertEquals("""
                # Policy `api`: its WAF for ModSecurity v3 and Coraza.
                # Generated by Palisade from the policy's IR; edit the policy, not this file.

                # the policy's rules and exclusions
                SecRule REQUEST_HEADERS:User-Agent "@contains sqlmap" \\
                        "id:7,phase:1,deny,status:403,log,t:none,t:lowercase,msg:'no scanners',\
                logdata:'Matched Data: %{MATCHED_VAR} found within %{MATCHED_VAR_NAME}'"
                # no id in the policy; ModSecurity needs one
                SecRule REQUEST_FILENAME "@streq /health" \\
                        "id:9900000,phase:1,pass,nolog,t:none,ctl:ruleRemoveById=7"

                # engine settings
                SecRuleEngine DetectionOnly
                SecRequestBodyAccess On
                SecRequestBodyLimit 13107200
                SecRequestBodyNoFilesLimit 131072
                SecResponseBodyAccess On
                SecResponseBodyMimeType text/plain text/html
                SecResponseBodyLimit 524288
                """, text);
    }

    private static BackendOutput checkout(Path root) throws Exception {
        Files.createDirectories(root.resolve("rules"));
        Files.createDirectories(root.resolve("lists"));
        Files.writeString(root.resolve("rules/legacy.conf"),
                "SecRule REMOTE_ADDR \"@ipMatchFromFile nets.data\" \"id:3001,phase:1,deny,status:403\"\n");
        Files.writeString(root.resolve("rules/nets.data"), "10.0.0.0/8\n192.168.1.1\n");
        Files.writeString(root.resolve("lists/bots.data"), "evilbot\n# comment\nbad crawler\n");
        Files.writeString(root.resolve("lists/more.data"), "sqlmap\n");
        Files.writeString(root.resolve("api.pal"), """
                policy api {
                  selector 'app == "api"'
                  waf {
                    rule 1001 "bad bot" {
                      phase request-headers
                      when REQUEST_HEADERS:User-Agent @pmFromFile "lists/bots.data lists/more.data"
                      deny
                    }
                    seclang include "rules/legacy.conf"
                  }
                }
                """);
        return EmittedConf.emit(EmittedConf.build(root.resolve("api.pal")));
    }

    @Test
    void dataFilesAreCopiedBesideTheConfSoEveryCheckoutBuildsTheSameFiles(@TempDir Path one, @TempDir Path two,
            @TempDir Path out) throws Exception {
        BackendOutput output = checkout(one);
        assertEquals(output, checkout(two.resolve("elsewhere")));
        assertEquals(List.of("api.conf", "data/lists/bots.data", "data/lists/more.data", "data/rules/nets.data"),
                output.files().stream().map(BackendOutput.OutputFile::path).toList());
        String text = output.files().get(0).text();
        assertTrue(text.contains("\"@pmFromFile data/lists/bots.data data/lists/more.data\""), text);
        assertTrue(text.contains("\"@ipMatchFromFile data/rules/nets.data\""), text);
        assertTrue(!text.contains(one.toString()), "no path of the build machine: " + text);
        BuildInput input = EmittedConf.build(one.resolve("api.pal"));
        assertEquals(EmittedConf.expectedDump(input.wafs().get("api").ir(), input, out),
                IrWafDump.dump(EmittedConf.readBack(out, output, "api.conf")));
    }
}
