package dev.palisade.cli.ftw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real suites load completely, with the counts their README gives. */
class FtwLoaderCorpusTest {

    @Test
    void crs334HasItsTestsAndItsDisabledFiles() throws Exception {
        FtwLoader.Loaded loaded = FtwLoader.load(List.of(CrsRegressionData.folder("v3.3.4")));
        assertEquals(List.of(), loaded.errors());
        assertEquals(178, loaded.suites().size());
        assertTrue(loaded.suites().stream().allMatch(suite -> suite.format() == FtwFormat.FTW_V1));
        assertEquals(2403, tests(loaded));
        assertEquals(2403, loaded.suites().stream().flatMap(suite -> suite.tests().stream())
                .mapToInt(test -> test.stages().size()).sum());
        List<String> disabled = loaded.suites().stream().filter(suite -> suite.disabled().isPresent())
                .map(FtwSuite::ruleId).toList();
        assertEquals(List.of("920250", "920360", "920370", "920380", "920390"), disabled);
        assertEquals(7, loaded.suites().stream().filter(suite -> suite.disabled().isPresent())
                .mapToInt(suite -> suite.tests().size()).sum());
    }

    @Test
    void crsV4HasItsTestsAndStages() throws Exception {
        FtwLoader.Loaded loaded = FtwLoader.load(List.of(CrsRegressionData.folder("v4")));
        assertEquals(List.of(), loaded.errors());
        assertEquals(323, loaded.suites().size(), "322 .yaml files and 999999.yml");
        assertTrue(loaded.suites().stream().allMatch(suite -> suite.format() == FtwFormat.GO_FTW));
        assertEquals(5003, tests(loaded));
        assertEquals(5009, loaded.suites().stream().flatMap(suite -> suite.tests().stream())
                .mapToInt(test -> test.stages().size()).sum());
        FtwSuite commentsOnly = loaded.suites().stream().filter(suite -> suite.name().equals("920539.yaml"))
                .findFirst().orElseThrow();
        assertEquals(0, commentsOnly.tests().size());
    }

    @Test
    void theDebianBackportsLoadToo() throws Exception {
        FtwLoader.Loaded loaded = FtwLoader.load(List.of(CrsRegressionData.folder("debian-backports")));
        assertEquals(List.of(), loaded.errors());
        assertEquals(66, tests(loaded));
    }

    @Test
    void testIdsJoinRuleAndNumber() throws Exception {
        Path folder = CrsRegressionData.folder("v3.3.4");
        FtwSuite v1 = FtwLoader.read(folder.resolve("REQUEST-942-APPLICATION-ATTACK-SQLI/942100.yaml"));
        assertEquals("942100-1", v1.tests().get(0).id());
        FtwSuite v4 = FtwLoader.read(CrsRegressionData.folder("v4").resolve("REQUEST-920-PROTOCOL-ENFORCEMENT/920100.yaml"));
        assertEquals("920100-2", v4.tests().get(1).id());
        assertEquals(List.of(400), v4.tests().get(1).stages().get(0).expected().status());
        assertEquals("     GET", v4.tests().get(1).stages().get(0).input().method());
    }

    private static int tests(FtwLoader.Loaded loaded) {
        return loaded.suites().stream().mapToInt(suite -> suite.tests().size()).sum();
    }
}
