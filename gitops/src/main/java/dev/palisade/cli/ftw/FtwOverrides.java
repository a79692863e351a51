package dev.palisade.cli.ftw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Expected deviations, in go-ftw's overrides format (CRS's {@code tests/regression/*-overrides.yaml}):
 *
 * <pre>
 * test_overrides:
 *   - rule_id: 920100
 *     test_ids: [4]            # absent: every test of the rule
 *     reason: 'Invalid uri'    # required
 *     output:                  # replaces every stage's output
 *       status: 404
 *   - rule_id: 934131
 *     test_ids: [5, 7]
 *     reason: 'deobfuscation'
 *     expect_failure: true     # runs; a failure is reported as skipped with the reason
 *   - rule_id: 932200
 *     reason: 'not supported'
 *     ignore: true             # not run (a Palisade extension; an entry with no output and no
 *                              # expect_failure, like coraza's 'wip' ones, also ignores)
 * </pre>
 *
 * Every entry must carry a non-empty reason.
 */
public final class FtwOverrides {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What to do with the matching tests. */
    public enum Action { REPLACE_OUTPUT, EXPECT_FAILURE, IGNORE }

    /** One entry; {@code testIds} empty means every test of the rule. */
    public record Override(String ruleId, Set<String> testIds, String reason, Action action,
            Optional<FtwExpectation> output) {
        public Override {
            testIds = Set.copyOf(testIds);
        }

        boolean matches(FtwTest test) {
            return ruleId.equals(test.ruleId()) && (testIds.isEmpty() || testIds.contains(test.testId()));
        }
    }

    private final List<Override> entries;

    public FtwOverrides(List<Override> entries) {
        this.entries = List.copyOf(entries);
    }

    public static FtwOverrides none() {
        return new FtwOverrides(List.of());
    }

    public List<Override> entries() {
        return entries;
    }

    /** The first entry for this test, if any. */
    public Optional<Override> find(FtwTest test) {
        return entries.stream().filter(entry -> entry.matches(test)).findFirst();
    }

    public static FtwOverrides read(Path file) throws FtwFileException {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            OptionalInt line = e.getLocation() == null ? OptionalInt.empty() : OptionalInt.of(e.getLocation().getLineNr());
            throw new FtwFileException("not valid YAML: " + e.getOriginalMessage(), line);
        } catch (IOException e) {
            throw new FtwFileException("cannot read: " + e.getMessage());
        }
        if (root == null || !root.path("test_overrides").isArray()) {
            throw new FtwFileException("expected a `test_overrides` list (go-ftw's overrides format)");
        }
        List<Override> entries = new ArrayList<>();
        int position = 0;
        for (JsonNode entry : root.get("test_overrides")) {
            position++;
            String where = "test_overrides entry " + position;
            if (!entry.hasNonNull("rule_id")) {
                throw new FtwFileException(where + ": no `rule_id`");
            }
            String reason = entry.path("reason").asText("").strip();
            if (reason.isEmpty()) {
                throw new FtwFileException(where + " (rule " + entry.get("rule_id").asText()
                        + "): every override needs a `reason`");
            }
            Set<String> testIds = new LinkedHashSet<>();
            JsonNode ids = entry.path("test_ids");
            (ids.isArray() ? ids : ids.isMissingNode() || ids.isNull() ? List.<JsonNode>of() : List.of(ids))
                    .forEach(id -> testIds.add(id.asText()));
            Optional<FtwExpectation> output = entry.path("output").isObject()
                    ? Optional.of(StageReader.output(entry.get("output"), where)) : Optional.empty();
            Action action;
            if (entry.path("ignore").asBoolean(false)) {
                action = Action.IGNORE;
            } else if (entry.path("expect_failure").asBoolean(false)) {
                action = Action.EXPECT_FAILURE;
            } else if (output.isPresent()) {
                action = Action.REPLACE_OUTPUT;
            } else {
                action = Action.IGNORE;
            }
            entries.add(new Override(entry.get("rule_id").asText(), testIds, reason, action, output));
        }
        return new FtwOverrides(entries);
    }
}
