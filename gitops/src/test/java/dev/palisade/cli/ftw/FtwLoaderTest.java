package dev.palisade.cli.ftw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtwLoaderTest {

    static final String V1 = """
            ---
            meta:
              author: "a"
              enabled: true
              name: "942100.yaml"
            tests:
              - test_title: 942100-1
                stages:
                  - stage:
                      input:
                        dest_addr: 127.0.0.1
                        port: 80
                        headers:
                          Host: localhost
                          Content-Length: 7
                        data:
                          - "a=1"
                          - "b=2"
                      output:
                        log_contains: id "942100"
                        status: [403, 400]
            """;

    static final String V4 = """
            rule_id: 920100
            tests:
              - test_id: 2
                stages:
                  - input:
                      method: "     GET"
                      headers:
                        User-Agent: a
                        Host: b
                      autocomplete_headers: false
                    output:
                      status: 400
                      retry_once: true
                      log:
                        expect_ids: [920100]
                        no_expect_ids: [949110]
                        match_regex: 'id "920100"'
                        no_match_regex: 'id "1"'
            """;

    @Test
    void v1FilesMapToTheModel(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("942100.yaml"), V1);
        FtwSuite suite = FtwLoader.read(file);
        assertEquals(FtwFormat.FTW_V1, suite.format());
        FtwStage stage = suite.tests().get(0).stages().get(0);
        assertEquals("942100-1", suite.tests().get(0).id());
        assertEquals("GET", stage.input().method());
        assertEquals("/", stage.input().uri());
        assertEquals("HTTP/1.1", stage.input().version());
        assertEquals(Optional.of("a=1\r\nb=2"), stage.input().data());
        assertEquals(new FtwInput.Header("Content-Length", "7"), stage.input().headers().get(1));
        assertEquals(List.of(403, 400), stage.expected().status());
        assertEquals(List.of("id \"942100\""), stage.expected().logContains());
    }

    @Test
    void goFtwFilesMapToTheModel(@TempDir Path folder) throws Exception {
        FtwSuite suite = FtwLoader.read(Files.writeString(folder.resolve("920100.yaml"), V4));
        assertEquals(FtwFormat.GO_FTW, suite.format());
        FtwTest test = suite.tests().get(0);
        assertEquals("920100-2", test.id());
        FtwStage stage = test.stages().get(0);
        assertEquals(false, stage.input().autocompleteHeaders());
        assertEquals(80, stage.input().port());
        assertEquals(List.of(new FtwInput.Header("Host", "b"), new FtwInput.Header("User-Agent", "a")),
                stage.input().headers(), "sorted by name, as go-ftw sends a map");
        FtwExpectation expected = stage.expected();
        assertEquals(List.of(400), expected.status());
        assertEquals(List.of(920100L), expected.expectIds());
        assertEquals(List.of(949110L), expected.noExpectIds());
        assertEquals(List.of("id \"920100\""), expected.logContains());
        assertEquals(List.of("id \"1\""), expected.noLogContains());
        assertTrue(expected.retryOnce());
    }

    @Test
    void goFtwOrderedHeadersKeepTheirOrderAndDuplicates(@TempDir Path folder) throws Exception {
        FtwSuite suite = FtwLoader.read(Files.writeString(folder.resolve("1.yaml"), """
                rule_id: 1
                tests:
                  - test_id: 1
                    stages:
                      - input:
                          ordered_headers:
                            - {name: X, value: 2}
                            - {name: A, value: 1}
                            - {name: X, value: 3}
                        output: {status: 200}
                """));
        assertEquals(List.of(new FtwInput.Header("X", "2"), new FtwInput.Header("A", "1"), new FtwInput.Header("X", "3")),
                suite.tests().get(0).stages().get(0).input().headers());
    }

    @Test
    void disabledFilesKeepTheirReason(@TempDir Path folder) throws Exception {
        FtwSuite suite = FtwLoader.read(Files.writeString(folder.resolve("942100.yaml"),
                V1.replace("enabled: true", "enabled: false")));
        assertEquals(Optional.of("disabled in the file (meta.enabled: false)"), suite.disabled());
    }

    @Test
    void aMalformedFileIsAnErrorWithItsLineAndTheOthersStillLoad(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.yaml"), "tests:\n  - test_id: 1\n    stages: [\n");
        Files.writeString(folder.resolve("b.yaml"), V4);
        Files.writeString(folder.resolve("c.yaml"), "tests:\n  - test_id: 1\n");
        Files.writeString(folder.resolve("d.yaml"), V4.replace("no_match_regex: 'id \"1\"'", "no_match_regex: '(('"));
        Files.writeString(folder.resolve("e.yaml"), V4.replace("autocomplete_headers: false", "encoded_request: \"R0VU=x\""));
        Files.writeString(folder.resolve("notes.txt"), "not a test");
        FtwLoader.Loaded loaded = FtwLoader.load(List.of(folder));
        assertEquals(1, loaded.suites().size());
        assertEquals(4, loaded.errors().size());
        assertTrue(loaded.errors().get(3).message().startsWith("test 920100-2 stage 1: `encoded_request` is not base64"),
                loaded.errors().get(3).message());
        FtwLoader.LoadError yaml = loaded.errors().get(0);
        assertEquals(folder.resolve("a.yaml"), yaml.file());
        assertTrue(yaml.line().isPresent() && yaml.message().startsWith("not valid YAML"), yaml.render());
        assertTrue(yaml.render().startsWith(folder.resolve("a.yaml") + ":"), yaml.render());
        assertEquals("test 920100-1: `stages` must be a non-empty list".replace("920100", "c"),
                loaded.errors().get(1).message());
        assertTrue(loaded.errors().get(2).message().contains("not a valid regex `((`"), loaded.errors().get(2).message());
        assertEquals(OptionalInt.empty(), loaded.errors().get(2).line());
    }

    @Test
    void foldersAreWalkedRecursivelyInPathOrder(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("b/c"));
        Files.writeString(folder.resolve("b/c/2.yaml"), V4);
        Files.writeString(folder.resolve("b/1.yml"), V4);
        Files.writeString(folder.resolve("a.yaml"), V4);
        assertEquals(List.of(folder.resolve("a.yaml"), folder.resolve("b/1.yml"), folder.resolve("b/c/2.yaml")),
                FtwLoader.files(List.of(folder)));
    }

    @Test
    void aLaterPathsFileReplacesTheSameNamedFileWhereItStood(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("suite/920"));
        Files.createDirectories(folder.resolve("backports"));
        Files.writeString(folder.resolve("suite/920/920100.yaml"), V4);
        Files.writeString(folder.resolve("suite/920/920110.yaml"), V4);
        Files.writeString(folder.resolve("backports/920100.yaml"), V4);
        Files.writeString(folder.resolve("backports/920620.yaml"), V4);
        assertEquals(List.of(folder.resolve("backports/920100.yaml"), folder.resolve("suite/920/920110.yaml"),
                folder.resolve("backports/920620.yaml")),
                FtwLoader.files(List.of(folder.resolve("suite"), folder.resolve("backports"))));
    }
}
