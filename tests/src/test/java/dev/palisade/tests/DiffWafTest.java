package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code palisade diff} on WAF changes: a request's decision is ALP's, then the WAF's, so a change
 * to the WAF alone moves decisions, and the diff says what changed in the rule set.
 */
class DiffWafTest {
    private static final String SITE = """
            policy site {
                selector 'app == "site"'
                alp {
                    allow GET, HEAD path exact "/"
                    allow POST path exact "/login"
                }
                waf {
                    mode blocking
                    crs paranoia 1 inbound-threshold 5
                }
            }
            """;

    private record Versions(Path before, Path after) {}

    private static Versions versions(Path directory, String after) throws IOException {
        Path was = Files.createDirectories(directory.resolve("before"));
        Path is = Files.createDirectories(directory.resolve("after"));
        Files.writeString(was.resolve("site.pal"), SITE);
        Files.writeString(is.resolve("site.pal"), after);
        return new Versions(was, is);
    }

    private static Cli diff(Versions versions) {
        return Cli.run("diff", versions.before().toString(), versions.after().toString());
    }

    @Test
    void detectionModeLetsTheAttacksThroughThatBlockingStopped(@TempDir Path directory) throws IOException {
        Versions versions = versions(directory, SITE.replace("mode blocking", "mode detection"));
        Cli diff = diff(versions);
        assertEquals(1, diff.exitCode(), diff::toString);
        assertTrue(diff.out().contains("workload site (labels {app=site} namespace default): WAF changed, "), diff::toString);
        assertTrue(diff.out().contains("  WAF of policy site:\n    mode blocking -> detection ("
                + versions.after().resolve("site.pal") + ":8:9)\n"), diff::toString);
        assertTrue(diff.out().contains("  now ALLOWED, "), diff::toString);
        assertTrue(diff.out().contains("?q=%27+or+1%3D1--\"\n"), diff::toString);
        assertTrue(diff.out().contains("    before: deny 403 by the WAF; WAF rules fired: 949110 ("), diff::toString);
        assertTrue(diff.out().contains("    after:  allow by policy site rule 1 (" + versions.after().resolve("site.pal")
                + ":4:9): allow GET, HEAD path exact \"/\"; WAF rules fired: 949110 ("), diff::toString);
        assertFalse(diff.out().contains("now DENIED"), diff::toString);
        assertEquals(diff.out(), diff(versions).out(), "the same seed draws the same requests");
    }

    @Test
    void aHigherParanoiaLevelDeniesRequestsTheLowerOneLetThrough(@TempDir Path directory) throws IOException {
        Versions versions = versions(directory, SITE.replace("crs paranoia 1", "crs paranoia 4"));
        Cli diff = diff(versions);
        assertEquals(1, diff.exitCode(), diff::toString);
        assertTrue(diff.out().contains("    crs paranoia 1 -> 4 (" + versions.after().resolve("site.pal") + ":9:9)\n"),
                diff::toString);
        assertTrue(diff.out().contains("  now DENIED, "), diff::toString);
        assertTrue(diff.out().contains("    after:  deny 403 by the WAF; WAF rules fired: "), diff::toString);
        assertFalse(diff.out().contains("now ALLOWED"), diff::toString);
    }

    @Test
    void anExclusionLetsThroughAnInjectionOnlyTheExcludedRuleCaught(@TempDir Path directory) throws IOException {
        Versions versions = versions(directory, SITE.replace("        mode blocking\n",
                "        mode blocking\n        exclude rule 942100 for ARGS:q\n"));
        Cli diff = diff(versions);
        assertEquals(1, diff.exitCode(), diff::toString);
        assertTrue(diff.out().contains("    added: exclude rule 942100 for ARGS:q (" + versions.after().resolve("site.pal")
                + ":9:9)\n"), diff::toString);
        assertTrue(diff.out().contains("  now ALLOWED, "), diff::toString);
        assertTrue(diff.out().contains("q=%27+or+5%3D5--+"), diff::toString);
        assertTrue(diff.out().contains("    before: deny 403 by the WAF; WAF rules fired: 942100 ("), diff::toString);
        assertFalse(diff.out().contains("now DENIED"), diff::toString);
    }

    @Test
    void aCustomRuleDeniesWhatItMatches(@TempDir Path directory) throws IOException {
        Versions versions = versions(directory, SITE.replace("        mode blocking\n", """
                        mode blocking
                        rule 1001 "no alice" {
                            when ARGS:q @streq "alice"
                            deny 406
                        }
                """));
        Cli diff = diff(versions);
        assertEquals(1, diff.exitCode(), diff::toString);
        assertTrue(diff.out().contains("    added: rule 1001 \"no alice\" (" + versions.after().resolve("site.pal") + ":9:9)\n"),
                diff::toString);
        assertTrue(diff.out().contains("/?q=alice\"\n"), diff::toString);
        assertTrue(diff.out().contains("    POST \"/login\" form \"q=alice\"\n"), diff::toString);
        assertTrue(diff.out().contains("    after:  deny 406 by the WAF; WAF rules fired: 1001 (1)\n"), diff::toString);
        assertTrue(diff.out().endsWith("0 requests now allowed, 2 now denied; the WAF of 1 workload changed\n"), diff::toString);
        assertFalse(diff.out().contains("now ALLOWED"), diff::toString);
    }

    @Test
    void aRuleSetChangeNoRequestMovesIsStillAChange(@TempDir Path directory) throws IOException {
        Versions versions = versions(directory, SITE.replace("inbound-threshold 5", "inbound-threshold 5 outbound-threshold 8"));
        Cli diff = diff(versions);
        assertEquals(1, diff.exitCode(), diff::toString);
        assertTrue(diff.out().contains("workload site (labels {app=site} namespace default): WAF changed, no request moved\n"
                + "  WAF of policy site:\n    crs outbound-threshold 4 -> 8 ("), diff::toString);
        assertTrue(diff.out().endsWith("1 workload changed: 0 requests now allowed, 0 now denied; the WAF of 1 workload changed\n"),
                diff::toString);
    }

    @Test
    void aRuleMovedToAnotherLineIsNoChange(@TempDir Path directory) throws IOException {
        String rule = "        rule 1001 \"no alice\" {\n            when ARGS:q @streq \"alice\"\n            deny 406\n        }\n";
        Path was = Files.createDirectories(directory.resolve("before"));
        Path is = Files.createDirectories(directory.resolve("after"));
        Files.writeString(was.resolve("site.pal"), SITE.replace("        mode blocking\n", "        mode blocking\n" + rule));
        Files.writeString(is.resolve("site.pal"), "// moved down a line\n" + SITE.replace("        mode blocking\n",
                "        mode blocking\n" + rule));
        Cli diff = Cli.run("diff", was.toString(), is.toString());
        assertEquals(0, diff.exitCode(), diff::toString);
        assertTrue(diff.out().endsWith("no decision changed, no WAF changed\n"), diff::toString);
    }

    @Test
    void aDenialWithAnotherStatusIsAChange(@TempDir Path directory) throws IOException {
        String api = """
                policy api {
                    selector 'app == "api"'
                    alp {
                        allow GET path exact "/"
                    }
                    waf {
                        rule 1001 "no alice" {
                            when ARGS:q @streq "alice"
                            deny 403
                        }
                    }
                }
                """;
        Versions versions = versions(directory, api.replace("deny 403", "deny 406"));
        Files.writeString(versions.before().resolve("site.pal"), api);
        Cli diff = diff(versions);
        assertEquals(1, diff.exitCode(), diff::toString);
        assertTrue(diff.out().contains("    changed: rule 1001 \"no alice\" ("), diff::toString);
        assertTrue(diff.out().contains("  DENIED with another status, 1 request, for example:\n    GET \"/?q=alice\"\n"
                + "    before: deny 403 by the WAF; WAF rules fired: 1001 (1)\n"
                + "    after:  deny 406 by the WAF; WAF rules fired: 1001 (1)\n"), diff::toString);
        assertTrue(diff.out().endsWith("1 workload changed: 0 requests now allowed, 0 now denied, 1 denied with another status;"
                + " the WAF of 1 workload changed\n"), diff::toString);
    }
}
