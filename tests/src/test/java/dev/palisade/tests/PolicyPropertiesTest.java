package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code palisade test} beyond example requests: properties over generated requests (jqwik
 * generates and shrinks), WAF expectations, rule coverage and JUnit XML.
 */
class PolicyPropertiesTest {
    /** The www example with one careless line: a backup directory opened "for a minute". */
    private static Path brokenWww(Path directory) throws IOException {
        String www = Files.readString(Path.of("policies-examples/www.pal"));
        String broken = www.replace("        deny path prefix \"/.git\" // explicit denies win over allows\n",
                "        deny path prefix \"/.git\" // explicit denies win over allows\n        allow GET path prefix \"/backup\"\n");
        assertTrue(!broken.equals(www), "the example still has the line this test edits");
        Files.writeString(directory.resolve("www.pal"), broken);
        Files.createDirectories(directory.resolve("corpus"));
        Files.copy(Path.of("policies-examples/corpus/usernames.txt"), directory.resolve("corpus/usernames.txt"));
        return directory;
    }

    @Test
    void aBrokenCopyOfAnExampleFailsWithAShrunkCounterexampleAndItsSeed(@TempDir Path directory) throws IOException {
        Cli run = Cli.run("test", brokenWww(directory).toString(), "--seed", "7");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("FAIL  property \"only listed paths pass\"\n"
                + "          for all GET paths not in [\"/\", \"/robots.txt\"] -> deny\n"
                + "          counterexample: GET \"/backup\"\n"
                + "          expected deny, got allow by policy www rule 4 (" + directory.resolve("www.pal") + ":9:9): allow GET path prefix \"/backup\""),
                run::toString);
        // The request first found is reported too, and it is not the shrunk one: shrinking did something.
        Matcher shrunkFrom = Pattern.compile("\n {10}shrunk from (GET \"[^\"]*\"); replay with --seed 7\n").matcher(run.out());
        assertTrue(shrunkFrom.find(), run::toString);
        assertTrue(shrunkFrom.group(1).startsWith("GET \"/backup/"), run::toString);
        assertNotEquals("GET \"/backup\"", shrunkFrom.group(1), run::toString);
        assertTrue(run.out().contains("1 failed, 0 skipped (seed 7)"), run::toString);
        assertEquals(run.out(), Cli.run("test", directory.toString(), "--seed", "7").out(), "a seed replays the run");
    }

    @Test
    void theJUnitReportNamesTheFailingPropertyAndItsLine(@TempDir Path directory) throws Exception {
        Path report = directory.resolve("reports/palisade.xml");
        Cli run = Cli.run("test", brokenWww(directory).toString(), "--seed", "7", "--junit", report.toString());
        assertEquals(1, run.exitCode(), run::toString);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suites = xml.getDocumentElement();
        assertEquals("1", suites.getAttribute("failures"));
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        Element testcase = (Element) failure.getParentNode();
        assertEquals("property \"only listed paths pass\"", testcase.getAttribute("name"));
        assertTrue(failure.getTextContent().contains("counterexample: GET \"/backup\""), failure.getTextContent());
        assertEquals(Integer.parseInt(suites.getAttribute("tests")), xml.getElementsByTagName("testcase").getLength());
    }

    @Test
    void wafExpectationsNameTheRulesThatMustFire(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("login.pal"), """
                policy login {
                    selector 'app == "login"'
                    alp {
                        allow POST path exact "/login"
                    }
                    waf {
                        mode blocking
                        crs paranoia 1
                    }
                }

                test login {
                    POST "/login" form user="' or 5=5-- " -> deny 403 rule 942100
                    POST "/login" form user="<script>alert(1)</script>" -> deny 403 rule 942100
                    POST "/login" json "{\\"user\\": \\"alice\\"}" -> allow
                }
                """);
        Cli run = Cli.run("test", directory.toString(), "--seed", "1");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("PASS  POST \"/login\" form user=\"' or 5=5-- \" -> deny 403 rule 942100"), run::toString);
        assertTrue(run.out().contains("PASS  POST \"/login\" json \"{\\\"user\\\": \\\"alice\\\"}\" -> allow"), run::toString);
        assertTrue(run.out().contains("expected WAF rule 942100 to fire, got deny 403 by the WAF: WAF rules [941100,"), run::toString);
    }

    @Test
    void coverageNamesTheRulesNoTestExercisedAndCanFailTheRun(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("api.pal"), """
                policy api {
                    selector 'app == "api"'
                    alp {
                        allow GET path prefix "/v1"
                        allow DELETE path prefix "/v1/admin"
                    }
                }

                test api {
                    GET "/v1/items" -> allow
                }
                """);
        Cli lenient = Cli.run("test", directory.toString());
        assertEquals(0, lenient.exitCode(), lenient::toString);
        assertTrue(lenient.out().contains("coverage: 1 of 2 rules exercised (2 ALP, 0 custom WAF), 50%"), lenient::toString);
        assertTrue(lenient.out().contains("not exercised: policy api rule 2: allow DELETE path prefix \"/v1/admin\" ("
                + directory.resolve("api.pal") + ":5:9)"), lenient::toString);

        Cli strict = Cli.run("test", directory.toString(), "--coverage-min", "80");
        assertEquals(1, strict.exitCode(), strict::toString);
        assertTrue(strict.out().contains("coverage 50% is below --coverage-min 80"), strict::toString);
    }

    @Test
    void aCustomWafRuleNoCaseFiresIsNotCovered(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("login.pal"), """
                policy login {
                    selector 'app == "login"'
                    alp {
                        allow POST path exact "/login"
                    }
                    waf {
                        mode blocking
                        rule 1001 "SQL injection in the username" {
                            phase request-body
                            when ARGS:username | urlDecodeUni lowercase @detectSQLi
                            deny 403
                        }
                        rule 1002 "no admin logins from outside" {
                            phase request-body
                            when ARGS:username @streq "admin"
                            deny 403
                        }
                    }
                }

                test login {
                    POST "/login" form username="alice" -> allow by policy login rule 1
                    POST "/login" form username="' or 1=1--" -> deny 403 rule 1001
                }
                """);
        Cli lenient = Cli.run("test", directory.toString());
        assertEquals(0, lenient.exitCode(), lenient::toString);
        assertTrue(lenient.out().contains("coverage: 2 of 3 rules exercised (1 ALP, 2 custom WAF), 66%"), lenient::toString);
        assertTrue(lenient.out().contains("not exercised: policy login WAF rule 1002 \"no admin logins from outside\" ("
                + directory.resolve("login.pal") + ":13:9)"), lenient::toString);
        assertTrue(!lenient.out().contains("WAF rule 1001 \""), lenient::toString);

        Cli strict = Cli.run("test", directory.toString(), "--coverage-min", "67");
        assertEquals(1, strict.exitCode(), strict::toString);
        assertTrue(strict.out().contains("coverage 66% is below --coverage-min 67"), strict::toString);
    }

    @Test
    void aCaseThatPassesForTheWrongReasonFailsOnItsDecider(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("api.pal"), """
                policy api {
                    selector 'app == "api"'
                    alp {
                        allow GET path prefix "/v1"
                        allow GET path prefix "/v1/public"
                        deny path prefix "/v1/admin"
                    }
                }

                test api {
                    GET "/v1/public/logo.png" -> allow by policy api rule 2
                    GET "/v1/admin" -> deny 403 by policy api rule 3
                    GET "/v2" -> deny by default of tier default
                }
                """);
        Cli run = Cli.run("test", directory.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("  FAIL  GET \"/v1/public/logo.png\" -> allow by policy api rule 2\n"
                + "          expected allow by policy api rule 2, got allow by policy api rule 1 (" + directory.resolve("api.pal")
                + ":4:9): allow GET path prefix \"/v1\""), run::toString);
        assertTrue(run.out().contains("  PASS  GET \"/v1/admin\" -> deny 403 by policy api rule 3\n"), run::toString);
        assertTrue(run.out().contains("  PASS  GET \"/v2\" -> deny by default of tier default\n"), run::toString);
        assertTrue(run.out().contains("2 passed, 1 failed"), run::toString);
    }

    @Test
    void aMultipartUploadOfAPhpFileMakesTheCoreRuleSetFireAndAPhotoPasses(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("upload.pal"), """
                policy upload {
                    selector 'app == "upload"'
                    alp {
                        allow POST path exact "/upload"
                    }
                    waf {
                        mode blocking
                        crs paranoia 1
                    }
                }

                test upload {
                    POST "/upload" multipart note="holiday" photo=file "beach.jpg" "JPEG" cookie session="abc" -> allow quietly
                    POST "/upload" multipart note="holiday" avatar=file "shell.php" "<?php echo 1; ?>" -> deny 403 rule 933110
                    POST "/upload" cookie session="' or 1=1--" -> deny 403 rule 942100
                }
                """);
        Cli run = Cli.run("test", directory.toString(), "--verbose");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("3 passed, 0 failed"), run::toString);
        assertTrue(run.out().contains("          deny 403 by the WAF: WAF rules [933110,"), run::toString);
    }

    @Test
    void aCorpusPropertyNamesTheValueThatMakesTheWafFire(@TempDir Path directory) throws IOException {
        Files.createDirectories(directory.resolve("corpus"));
        Files.writeString(directory.resolve("corpus/queries.txt"), "# search terms\nshoes\nred shoes\n' or 1=1--\nsocks\n");
        Files.writeString(directory.resolve("search.pal"), """
                policy search {
                    selector 'app == "search"'
                    alp {
                        allow GET path exact "/search"
                    }
                    waf {
                        mode detection
                        crs paranoia 1
                    }
                }

                test search {
                    property "searches pass quietly" {
                        for all GET paths in ["/search"] form q from "corpus/queries.txt" -> allow quietly
                    }
                }
                """);
        Cli run = Cli.run("test", directory.toString(), "--seed", "3");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("          counterexample: GET \"/search?q=%27+or+1%3D1--\"\n"
                + "          expected allow with no WAF rule firing, got allow by policy search rule 1 ("), run::toString);
        assertTrue(run.out().contains("WAF rules [942100"), run::toString);

        Files.writeString(directory.resolve("corpus/queries.txt"), "shoes\nred shoes\nsocks\n");
        Cli quiet = Cli.run("test", directory.toString(), "--seed", "3");
        assertEquals(0, quiet.exitCode(), quiet::toString);
    }

    @Test
    void aCallerPropertyFindsTheServiceAccountARuleForgot(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("orders.pal"), """
                policy orders {
                    namespace "shop"
                    selector 'app == "orders"'
                    alp {
                        allow GET path prefix "/orders"
                        allow POST path prefix "/orders"
                    }
                }

                test orders {
                    property "only checkout writes" {
                        for all POST paths under "/orders" from serviceaccount "frontend" -> deny 403
                    }
                }
                """);
        Cli run = Cli.run("test", directory.toString(), "--seed", "5");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("          counterexample: POST \"/orders\" from serviceaccount \"frontend\"\n"
                + "          expected deny, got allow by policy orders rule 2 (" + directory.resolve("orders.pal") + ":6:9)"),
                run::toString);
    }

    @Test
    void aMissingCorpusIsADiagnosticAtItsName(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("search.pal"), """
                policy search {
                    selector 'app == "search"'
                    alp {
                        allow GET
                    }
                }

                test search {
                    property "p" {
                        for all GET paths form q from "nowhere.txt" -> allow
                    }
                }
                """);
        Cli run = Cli.run("test", directory.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains(directory.resolve("search.pal") + ":10:39: error[P0508]: corpus `nowhere.txt` cannot be read"),
                run::toString);
    }
}
