package dev.palisade.cli.ftw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtwOverridesTest {

    @Test
    void crsEngineOverrideFilesRead() throws Exception {
        Path folder = CrsRegressionData.folder("v4-engine-overrides");
        FtwOverrides coraza = FtwOverrides.read(folder.resolve("coraza-overrides.yaml"));
        FtwOverrides.Override first = coraza.entries().get(0);
        assertEquals("920100", first.ruleId());
        assertEquals(Set.of("4"), first.testIds());
        assertEquals(FtwOverrides.Action.REPLACE_OUTPUT, first.action());
        assertEquals(List.of(404), first.output().orElseThrow().status());
        assertTrue(coraza.entries().stream().anyMatch(entry -> entry.action() == FtwOverrides.Action.IGNORE
                && entry.reason().equals("wip")));
        FtwOverrides.read(folder.resolve("httpd-overrides.yaml"));
        FtwOverrides.read(folder.resolve("nginx-overrides.yaml"));
    }

    @Test
    void entriesMatchByRuleAndTestIdAllTestsWhenNoIds(@TempDir Path folder) throws Exception {
        FtwOverrides overrides = FtwOverrides.read(Files.writeString(folder.resolve("o.yaml"), """
                test_overrides:
                  - rule_id: 920100
                    test_ids: [4, 5]
                    reason: no backend here
                    expect_failure: true
                  - rule_id: 932200
                    reason: not supported
                    ignore: true
                """));
        FtwTest t4 = new FtwTest("920100", "4", "", Optional.empty(), List.of());
        FtwTest t6 = new FtwTest("920100", "6", "", Optional.empty(), List.of());
        FtwTest any = new FtwTest("932200", "13", "", Optional.empty(), List.of());
        assertEquals(FtwOverrides.Action.EXPECT_FAILURE, overrides.find(t4).orElseThrow().action());
        assertEquals(Optional.empty(), overrides.find(t6));
        assertEquals(FtwOverrides.Action.IGNORE, overrides.find(any).orElseThrow().action());
    }

    @Test
    void everyEntryNeedsAReason(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("o.yaml"), "test_overrides:\n  - rule_id: 920100\n    test_ids: [4]\n");
        FtwFileException error = assertThrows(FtwFileException.class, () -> FtwOverrides.read(file));
        assertEquals("test_overrides entry 1 (rule 920100): every override needs a `reason`", error.getMessage());
        Path notOverrides = Files.writeString(folder.resolve("p.yaml"), "tests: []\n");
        assertThrows(FtwFileException.class, () -> FtwOverrides.read(notOverrides));
    }
}
