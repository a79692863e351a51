package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertTrue(run.out().contains("replay with --seed 7"), run::toString);
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
}
