package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.palisade.backends.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates emitted Kubernetes objects against the Calico and Tigera CRDs kept in
 * {@code ../shared/schemas/calico} (beside the repository root), as the API server would on a
 * create: the CRD's OpenAPI schema, with unknown fields as errors rather than silently pruned
 * ({@link CalicoSchemasConversion}), then every CEL rule ({@link CelRules}).
 *
 * <pre>
 * List&lt;String&gt; problems = CalicoSchemas.load().problems(object);   // empty: valid
 * </pre>
 */
final class CalicoSchemas {
    /** The CRD folders read, one API group/version each (README.md there says where they come from). */
    static final List<String> FOLDERS = List.of("projectcalico.org-v3", "crd.projectcalico.org-v1",
            "operator.tigera.io-v1", "applicationlayer.projectcalico.org-v3");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CalicoSchemas loaded;

    private record Crd(Path file, JsonNode openApi, Schema schema) {}

    private final Map<String, Crd> byApiVersionAndKind;
    private final CelRules rules = new CelRules();

    private CalicoSchemas(Map<String, Crd> byApiVersionAndKind) {
        this.byApiVersionAndKind = byApiVersionAndKind;
        byApiVersionAndKind.values().forEach(crd -> rules.compileAll(crd.openApi()));
    }

    /** The schemas (read once per test run); skips the calling test when the folder is missing. */
    static synchronized CalicoSchemas load() {
        Path folder = location();
        assumeTrue(Files.isDirectory(folder), () -> "Calico CRD schemas not found at " + folder.toAbsolutePath()
                + " (the folder ../shared/schemas/calico beside the repository root)");
        if (loaded == null) {
            loaded = read(folder);
        }
        return loaded;
    }

    /**
     * The schemas, or empty when the folder is missing: for property tests, where a JUnit
     * assumption would not skip the property.
     */
    static synchronized java.util.Optional<CalicoSchemas> ifPresent() {
        if (!Files.isDirectory(location())) {
            return java.util.Optional.empty();
        }
        if (loaded == null) {
            loaded = read(location());
        }
        return java.util.Optional.of(loaded);
    }

    static Path location() {
        return Path.of("../shared/schemas/calico");
    }

    /** What the API server would refuse, one line each ({@code /json/pointer: message}); empty when valid. */
    synchronized List<String> problems(JsonNode object) {
        String key = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        Crd crd = byApiVersionAndKind.get(key);
        if (crd == null) {
            return List.of("no CRD for " + key + " among " + FOLDERS);
        }
        List<String> problems = new ArrayList<>();
        for (Error error : crd.schema().validate(JSON.valueToTree(object).toString(), InputFormat.JSON)) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        problems.addAll(rules.check(crd.openApi(), object));
        return problems;
    }

    /** CEL rules not evaluated (found when the schemas are read), with why. */
    synchronized List<String> skippedRules() {
        return rules.skipped();
    }

    /** The kinds known, as {@code apiVersion kind}. */
    List<String> kinds() {
        return List.copyOf(byApiVersionAndKind.keySet());
    }

    private static CalicoSchemas read(Path folder) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<String, Crd> crds = new LinkedHashMap<>();
        for (String name : FOLDERS) {
            for (Path file : yamlFiles(folder.resolve(name))) {
                JsonNode document = Yaml.readStream(text(file)).get(0);
                if (!document.path("kind").asText().equals("CustomResourceDefinition")) {
                    continue;
                }
                JsonNode spec = document.path("spec");
                JsonNode version = spec.path("versions").path(0);
                JsonNode openApi = version.path("schema").path("openAPIV3Schema");
                String json = CalicoSchemasConversion.toJsonSchema(openApi).toString();
                crds.put(spec.path("group").asText() + "/" + version.path("name").asText() + " "
                        + spec.path("names").path("kind").asText(),
                        new Crd(file, openApi, registry.getSchema(json, InputFormat.JSON)));
            }
        }
        return new CalicoSchemas(crds);
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
