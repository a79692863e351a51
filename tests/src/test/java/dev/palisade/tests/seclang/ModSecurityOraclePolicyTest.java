package dev.palisade.tests.seclang;

import static dev.palisade.tests.seclang.OracleSetup.describe;
import static dev.palisade.tests.seclang.OracleSetup.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.cli.ftw.FtwOutcome;
import dev.palisade.cli.ftw.FtwStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of the SecLang output the www example does not have, in real ModSecurity: a custom
 * rule with a chain and its own status, path-scoped exclusions (rules Palisade gives ids), an
 * unscoped exclusions (a removal, a target with a regex key), an included SecLang file with {@code @pmFromFile}, a custom
 * rule with {@code @pmFromFile} of a file in a sub-directory (both copied beside the emitted file), and inline SecLang with
 * {@code skipAfter} and a marker. ModSecurity must answer each request with the status Palisade
 * answers, and the statuses the rules ask for.
 */
@Timeout(120)
class ModSecurityOraclePolicyTest {

    @Test
    void customRulesExclusionsAndSeclangDecideAlikeInModSecurity(@TempDir Path dir) throws Exception {
        OracleSetup.assumeAvailable();
        Files.writeString(dir.resolve("bots.data"), "evilbot\n");
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/scanners.data"), "# scanners\nsqlmap\nnikto scanner\n");
        Files.writeString(dir.resolve("legacy.conf"), """
                SecRule REQUEST_HEADERS:User-Agent "@pmFromFile bots.data" \\
                    "id:3001,phase:1,deny,status:418,log,t:none,t:lowercase,msg:'known bot'"
                """);
        Path policy = dir.resolve("shop.pal");
        Files.writeString(policy, """
                policy shop {
                  selector 'app == "shop"'
                  waf {
                    mode blocking
                    crs paranoia 1 inbound-threshold 5
                    rule 1001 "SQL injection in the login name" {
                      phase request-body
                      when ARGS:username | urlDecodeUni lowercase @detectSQLi
                      when REQUEST_METHOD @streq "POST"
                      deny 406
                    }
                    rule 1002 "scanner named in a data file" {
                      phase request-headers
                      when REQUEST_HEADERS:User-Agent | lowercase @pmFromFile "lists/scanners.data"
                      deny 429
                    }
                    exclude rule 942100 for ARGS:password on path prefix "/login"
                    exclude rule 1001 on path exact "/login/legacy"
                    exclude rule 920350
                    exclude rule 942100 for ARGS:"/^note/"
                    seclang include "legacy.conf"
                    seclang '''
                SecRule REQUEST_HEADERS:X-Trusted "@streq yes" "id:3002,phase:1,pass,nolog,t:none,skipAfter:END_PROBE"
                SecRule REQUEST_HEADERS:X-Probe "@streq evil" \\
                    "id:3003,phase:1,deny,status:451,log,t:none,msg:'probe, refused',chain"
                    SecRule REQUEST_METHOD "@streq GET" "t:none"
                SecMarker END_PROBE
                '''
                  }
                }
                """);
        String injection = "username=1' or '1'='1&password=x";
        String passwordInjection = "username=alice&password=1' or 1=1-- ";
        Map<String, FtwStage> requests = new LinkedHashMap<>();
        requests.put("benign GET", request("GET", "/?q=hello", Optional.empty()));
        requests.put("login injection (rule 1001, 406)", request("POST", "/login", Optional.of(injection)));
        requests.put("login injection where 1001 is excluded", request("POST", "/login/legacy", Optional.of(injection)));
        requests.put("password injection where 942100 skips it", request("POST", "/login", Optional.of(passwordInjection)));
        requests.put("password injection elsewhere", request("POST", "/account", Optional.of(passwordInjection)));
        requests.put("injection in a note (942100 excludes /^note/ everywhere)",
                request("POST", "/account", Optional.of("notes=1' or 1=1-- ")));
        requests.put("numeric Host (920350 removed)", request("GET", "/", Optional.empty(), "Host", "127.0.0.1"));
        requests.put("bot from the data file (418)", request("GET", "/", Optional.empty(), "User-Agent", "EvilBot/1.0"));
        requests.put("scanner from the policy's data file (429)",
                request("GET", "/", Optional.empty(), "User-Agent", "Nikto Scanner/2.1"));
        requests.put("probe on GET (chain, 451)", request("GET", "/", Optional.empty(), "X-Probe", "evil"));
        requests.put("probe on HEAD (chain does not match)", request("HEAD", "/", Optional.empty(), "X-Probe", "evil"));
        requests.put("trusted probe (skipAfter)",
                request("GET", "/", Optional.empty(), "X-Probe", "evil", "X-Trusted", "yes"));
        Map<String, String> theirs = new LinkedHashMap<>();
        Map<String, String> ours = new LinkedHashMap<>();
        Map<String, String> logged = new LinkedHashMap<>();
        try (OracleSetup shop = OracleSetup.start(policy, "shop")) {
            for (Map.Entry<String, FtwStage> entry : requests.entrySet()) {
                int before = shop.errorLog().length();
                FtwOutcome modSecurity = shop.modSecurity.send(entry.getValue());
                logged.put(entry.getKey(), shop.errorLog().substring(before));
                theirs.put(entry.getKey(), describe(modSecurity));
                ours.put(entry.getKey(), describe(shop.palisade.send(entry.getValue())));
            }
        }
        List<String> table = new ArrayList<>();
        theirs.forEach((name, status) -> table.add(name + ": ModSecurity " + status + ", Palisade " + ours.get(name)));
        System.out.println("ModSecurity oracle, custom rules:\n  " + String.join("\n  ", table));
        assertEquals(theirs, ours, "the same status for every request");
        assertEquals("406", theirs.get("login injection (rule 1001, 406)"));
        assertEquals("418", theirs.get("bot from the data file (418)"));
        assertEquals("429", theirs.get("scanner from the policy's data file (429)"));
        assertEquals("451", theirs.get("probe on GET (chain, 451)"));
        assertEquals("200", theirs.get("trusted probe (skipAfter)"));
        assertEquals("200", theirs.get("numeric Host (920350 removed)"));
        assertFalse(logged.get("numeric Host (920350 removed)").contains("[id \"920350\"]"),
                "the unscoped exclusion removed 920350 in ModSecurity too");
        assertFalse(logged.get("injection in a note (942100 excludes /^note/ everywhere)").contains("[id \"942100\"]"),
                "SecRuleUpdateTargetById with a regex key works in ModSecurity too");
        assertTrue(logged.get("password injection elsewhere").contains("[id \"942100\"]"), "942100 still runs");
        assertTrue(logged.get("login injection (rule 1001, 406)").contains("[id \"1001\"]"), "rule 1001 denied it");
    }
}
