package dev.palisade.compiler.waf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data file a WAF rule names must be readable when the policies are checked: without it the
 * rule would never match, a WAF silently weaker than the policy says.
 */
class WafDataFilesTest {
    @TempDir
    Path directory;

    private Path policy() throws IOException {
        Files.createDirectories(directory.resolve("rules"));
        Files.writeString(directory.resolve("rules/legacy.conf"),
                "# legacy\nSecRule REMOTE_ADDR \"@ipMatchFromFile nets.data\" \"id:3001,phase:1,deny\"\n");
        Path policy = directory.resolve("api.pal");
        Files.writeString(policy, """
                policy api {
                  selector 'app == "api"'
                  waf {
                    rule 1001 "bad bot" {
                      phase request-headers
                      when REQUEST_HEADERS:User-Agent @pmFromFile "common.data bots.data"
                      deny
                    }
                    seclang include "rules/legacy.conf"
                    seclang '''
                SecRule ARGS "@pmf words.data" "id:3002,phase:2,deny"
                '''
                  }
                }
                """);
        return policy;
    }

    private void writeDataFiles() throws IOException {
        Files.writeString(directory.resolve("common.data"), "curl\n");
        Files.writeString(directory.resolve("bots.data"), "# bots\nevilbot\n");
        Files.writeString(directory.resolve("rules/nets.data"), "10.0.0.0/8\n");
        Files.writeString(directory.resolve("words.data"), "attack\n");
    }

    private List<String> errors(Path policy) {
        return PolicyCompiler.check(List.of(policy)).diagnostics().sorted().stream().filter(Diagnostic::isError)
                .map(d -> d.span().location() + " " + d.code().id() + " " + d.message()).toList();
    }

    @Test
    void eachMissingFileIsAnErrorAtItsNameInTheOperator() throws IOException {
        Path policy = policy();
        Files.writeString(directory.resolve("common.data"), "curl\n");
        Path rules = directory.resolve("rules");
        assertEquals(List.of(
                policy + ":6:64 P0514 data file `bots.data` of `@pmFromFile` cannot be read (looked for `"
                        + directory.resolve("bots.data") + "`)",
                policy + ":11:20 P0514 data file `words.data` of `@pmf` cannot be read (looked for `"
                        + directory.resolve("words.data") + "`)",
                rules.resolve("legacy.conf") + ":2:39 P0514 data file `nets.data` of `@ipMatchFromFile` cannot be"
                        + " read (looked for `" + rules.resolve("nets.data") + "`)"),
                errors(policy));
    }

    @Test
    void filesNextToTheRulesFileAreFoundAndTheRulesRun() throws IOException {
        Path policy = policy();
        writeDataFiles();
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(policy));
        assertEquals(List.of(), errors(policy));
        Diagnostics lowering = new Diagnostics();
        IrWaf waf = PolicyWafs.lower(result.unit(), lowering).get("api");
        assertEquals(List.of(), lowering.sorted());
        List<WafDataFiles.DataFile> files = WafDataFiles.of(waf);
        assertEquals(List.of(directory.resolve("common.data"), directory.resolve("bots.data"),
                directory.resolve("rules/nets.data"), directory.resolve("words.data")),
                files.stream().map(WafDataFiles.DataFile::path).toList());
        for (WafDataFiles.DataFile file : files) {
            assertNull(WafLinking.operator(file.rule()).unsupported(), file.toString());
        }
    }

    @Test
    void aFileGoneBetweenCheckAndLoweringIsStillAnError() throws IOException {
        Path policy = policy();
        writeDataFiles();
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(policy));
        assertTrue(result.ir().isPresent());
        Files.delete(directory.resolve("rules/nets.data"));
        Diagnostics lowering = new Diagnostics();
        PolicyWafs.lower(result.unit(), lowering);
        List<Diagnostic> errors = lowering.sorted();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(DiagnosticCode.UNREADABLE_DATA_FILE, errors.get(0).code());
        assertEquals(directory.resolve("rules/legacy.conf") + ":2:1", errors.get(0).span().location());
    }

    @Test
    void remoteFilesAreRefused() throws IOException {
        Path policy = directory.resolve("remote.pal");
        Files.writeString(policy, """
                policy api {
                  selector 'all()'
                  waf { seclang 'SecRule ARGS "@pmFromFile https://example.com/bots.data" "id:1,phase:2,deny"' }
                }
                """);
        List<String> errors = errors(policy);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("P0514 `@pmFromFile` cannot fetch `https://example.com/bots.data`"), errors::toString);
    }

    @Test
    void theFileOperatorsAndTheirNames() {
        assertTrue(WafDataFiles.readsFiles("pmFromFile") && WafDataFiles.readsFiles("ipMatchF"));
        assertTrue(!WafDataFiles.readsFiles("pm") && !WafDataFiles.readsFiles("ipMatch"));
        assertEquals(List.of(new WafDataFiles.Name("a.data", 0), new WafDataFiles.Name("b.data", 8)),
                WafDataFiles.names("a.data  b.data"));
    }
}
