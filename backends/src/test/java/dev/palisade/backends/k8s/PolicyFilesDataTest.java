package dev.palisade.backends.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.PolicyWafs;
import dev.palisade.compiler.waf.WafDataFiles;
import dev.palisade.compiler.waf.WafLinking;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data files of the policies' WAF rules travel in the policies' ConfigMap, laid out so the
 * runtime in the pod reads the same files the build read; one that cannot travel is an error.
 */
class PolicyFilesDataTest {
    @TempDir
    Path git;

    private Path policy(String operatorArgument) throws IOException {
        Files.createDirectories(git.resolve("policies/rules"));
        Files.createDirectories(git.resolve("policies/data"));
        Files.writeString(git.resolve("policies/rules/legacy.conf"),
                "SecRule REMOTE_ADDR \"@ipMatchFromFile nets.data\" \"id:3001,phase:1,deny\"\n");
        Files.writeString(git.resolve("policies/rules/nets.data"), "10.0.0.0/8\n");
        Files.writeString(git.resolve("policies/data/bots.data"), "evilbot\n");
        Path policy = git.resolve("policies/api.pal");
        Files.writeString(policy, """
                policy api {
                  selector 'app == "api"'
                  waf {
                    rule 1001 "bad bot" {
                      phase request-headers
                      when REQUEST_HEADERS:User-Agent @pmFromFile "%s"
                      deny
                    }
                    seclang include "rules/legacy.conf"
                  }
                }
                """.formatted(operatorArgument));
        return policy;
    }

    private static BuildInput input(Path policy, Diagnostics diagnostics) {
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(policy));
        assertTrue(result.ir().isPresent(), () -> result.diagnostics().sorted().toString());
        return BuildInputs.from(result, diagnostics);
    }

    private static List<String> errors(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().filter(Diagnostic::isError)
                .map(d -> d.span().location() + " " + d.code().id() + " " + d.message()).toList();
    }

    @Test
    void theRuntimeInThePodReadsTheDataFilesTheBuildRead(@TempDir Path mount) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        BuildInput input = input(policy("data/bots.data"), diagnostics);
        BackendOutput output = new KubernetesBackend().emit(input, BuildOptions.defaults(), diagnostics);
        assertEquals(List.of(), errors(diagnostics));
        ObjectNode configMap = output.objects().stream().filter(o -> o.path("kind").asText().equals("ConfigMap"))
                .findFirst().orElseThrow();
        ObjectNode deployment = output.objects().stream().filter(o -> o.path("kind").asText().equals("Deployment"))
                .findFirst().orElseThrow();
        JsonNode items = deployment.path("spec").path("template").path("spec").path("volumes").get(0)
                .path("configMap").path("items");
        for (JsonNode item : items) {
            Path file = mount.resolve(item.path("path").asText());
            Files.createDirectories(file.getParent());
            Files.writeString(file, configMap.path("data").path(item.path("key").asText()).asText());
        }
        assertEquals("evilbot\n", configMap.path("data").path("data_bots.data").asText());
        assertEquals("10.0.0.0/8\n", configMap.path("data").path("rules_nets.data").asText());

        PolicyCompiler.Result inPod = PolicyCompiler.check(List.of(mount.resolve("api.pal")));
        assertEquals(List.of(), inPod.diagnostics().sorted());
        Diagnostics lowering = new Diagnostics();
        IrWaf waf = PolicyWafs.lower(inPod.unit(), lowering).get("api");
        assertEquals(List.of(), lowering.sorted());
        List<WafDataFiles.DataFile> files = WafDataFiles.of(waf);
        assertEquals(List.of(mount.resolve("data/bots.data"), mount.resolve("rules/nets.data")),
                files.stream().map(WafDataFiles.DataFile::path).toList());
        files.forEach(file -> assertNull(WafLinking.operator(file.rule()).unsupported()));
    }

    @Test
    void aDataFileNamedByAnAbsolutePathCannotTravel() throws IOException {
        Path policy = policy(git.resolve("policies/data/bots.data").toString());
        Diagnostics diagnostics = new Diagnostics();
        BuildInput input = input(policy, diagnostics);
        new KubernetesBackend().emit(input, BuildOptions.defaults(), diagnostics);
        assertEquals(List.of(policy + ":4:5 P0680 data file `" + git.resolve("policies/data/bots.data")
                + "` cannot be carried to the runtime: an absolute path names a file of this machine, not of the"
                + " runtime's pod"), errors(diagnostics));
    }

    @Test
    void aDataFileThatIsNotTextCannotTravel() throws IOException {
        Path policy = policy("data/bots.data");
        Files.write(git.resolve("policies/data/bots.data"), new byte[] {'b', 'o', 't', (byte) 0xff, '\n'});
        Diagnostics diagnostics = new Diagnostics();
        new KubernetesBackend().emit(input(policy, diagnostics), BuildOptions.defaults(), diagnostics);
        assertEquals(List.of(policy + ":4:5 P0680 data file `data/bots.data` cannot be carried to the runtime: it is"
                + " not UTF-8 text, and ConfigMap data is"), errors(diagnostics));
    }

    @Test
    void twoPathsThatWouldShareAKeyAreAnError() throws IOException {
        Path policy = policy("data/bots.data data_bots.data");
        Files.writeString(git.resolve("policies/data_bots.data"), "curl\n");
        Diagnostics diagnostics = new Diagnostics();
        new KubernetesBackend().emit(input(policy, diagnostics), BuildOptions.defaults(), diagnostics);
        assertEquals(List.of(policy + ":4:5 P0680 `data_bots.data` and `data/bots.data` would both be the ConfigMap key"
                + " `data_bots.data` (`/` becomes `_`)"), errors(diagnostics));
    }

    @Test
    void aPathThatIsNoConfigMapKeyIsAnError() throws IOException {
        Files.createDirectories(git.resolve("policies/data"));
        Files.writeString(git.resolve("policies/data/b+d"), "curl\n");
        Path renamed = policy("data/b+d");
        Diagnostics diagnostics = new Diagnostics();
        new KubernetesBackend().emit(input(renamed, diagnostics), BuildOptions.defaults(), diagnostics);
        assertEquals(List.of(renamed + ":4:5 P0680 `data/b+d` cannot be a ConfigMap key: keys are at most 253 of the"
                + " characters `-._a-zA-Z0-9` (`/` becomes `_`)"), errors(diagnostics));
    }

    @Test
    void filesTooLargeForAConfigMapAreAnErrorAtTheLargest() throws IOException {
        Path policy = policy("data/bots.data");
        Files.writeString(git.resolve("policies/data/bots.data"), "evilbot\n".repeat(140_000));
        Diagnostics diagnostics = new Diagnostics();
        new KubernetesBackend().emit(input(policy, diagnostics), BuildOptions.defaults(), diagnostics);
        List<String> errors = errors(diagnostics);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith(policy + ":4:5 P0680 the policies' files are 11"), errors::toString);
        assertTrue(errors.get(0).endsWith("more than a ConfigMap holds (1048576); the largest is `data/bots.data`"),
                errors::toString);
    }

    @Test
    void includedSecLangTravelsAsTheSameBytes() throws IOException {
        Path policy = policy("data/bots.data");
        String rule = "SecRule REMOTE_ADDR \"@ipMatchFromFile nets.data\" \"id:3001,phase:1,deny,msg:'Zugriff für Netz'\"\n";
        Files.writeString(git.resolve("policies/rules/legacy.conf"), rule);
        Diagnostics diagnostics = new Diagnostics();
        BackendOutput output = new KubernetesBackend().emit(input(policy, diagnostics), BuildOptions.defaults(), diagnostics);
        assertEquals(List.of(), errors(diagnostics));
        assertEquals(rule, output.objects().get(0).path("data").path("rules_legacy.conf").asText());
    }

    @Test
    void includedSecLangThatIsNotTextCannotTravel() throws IOException {
        Path policy = policy("data/bots.data");
        Files.write(git.resolve("policies/rules/legacy.conf"),
                "SecRule ARGS \"@streq caf\u00e9\" \"id:3002,phase:2,deny\"\n".getBytes(StandardCharsets.ISO_8859_1));
        Diagnostics diagnostics = new Diagnostics();
        new KubernetesBackend().emit(input(policy, diagnostics), BuildOptions.defaults(), diagnostics);
        Path legacy = git.resolve("policies/rules/legacy.conf");
        assertEquals(List.of(legacy + ":1:1 P0680 `" + legacy + "` cannot be carried to the runtime: it is not UTF-8"
                + " text, and ConfigMap data is"), errors(diagnostics));
    }
}
