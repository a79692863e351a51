package dev.palisade.cli.ftw;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads regression test files of either dialect ({@link FtwFormat}) into one model. A file that cannot
 * be read is an error naming the file (and line, when the YAML parser knows it); the other files
 * still load.
 */
public final class FtwLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern V1_TITLE = Pattern.compile("(\\d+)-(.+)");

    private FtwLoader() {}

    /** What a set of files and folders held: the suites read and the files that could not be. */
    public record Loaded(List<FtwSuite> suites, List<LoadError> errors) {
        public Loaded {
            suites = List.copyOf(suites);
            errors = List.copyOf(errors);
        }
    }

    /** A file that could not be read, rendered {@code file:line: message}. */
    public record LoadError(Path file, OptionalInt line, String message) {
        public String render() {
            return file + (line.isPresent() ? ":" + line.getAsInt() : "") + ": " + message;
        }
    }

    /**
     * Every {@code .yaml}/{@code .yml} file named or under a named folder (recursively), sorted by
     * path. A file with the same name as one from an earlier PATH replaces it where it stood, so
     * {@code v3.3.4/ debian-backports/} runs Debian's newer tests for the rules it patched.
     */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            List<Path> found = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(FtwLoader::isYaml).sorted().forEach(found::add);
                }
            } else {
                found.add(path);
            }
            List<Path> earlier = List.copyOf(files);
            for (Path file : found) {
                int replaced = indexOfName(earlier, file.getFileName());
                if (replaced >= 0) {
                    files.set(files.indexOf(earlier.get(replaced)), file);
                } else {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private static int indexOfName(List<Path> files, Path name) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).getFileName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public static Loaded load(List<Path> paths) throws IOException {
        List<FtwSuite> suites = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        for (Path file : files(paths)) {
            try {
                suites.add(read(file));
            } catch (FtwFileException e) {
                errors.add(new LoadError(file, e.line(), e.getMessage()));
            }
        }
        return new Loaded(suites, errors);
    }

    /** Reads one file. A file with only comments is a suite without tests (CRS v4 has one). */
    public static FtwSuite read(Path file) throws FtwFileException {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            OptionalInt line = location == null || location.getLineNr() < 1 ? OptionalInt.empty()
                    : OptionalInt.of(location.getLineNr());
            throw new FtwFileException("not valid YAML: " + firstLine(e.getOriginalMessage()), line);
        } catch (IOException e) {
            throw new FtwFileException("cannot read: " + e.getMessage());
        }
        String fileRule = stem(file);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new FtwSuite(file, FtwFormat.GO_FTW, fileRule, Optional.empty(), List.of());
        }
        if (!root.isObject()) {
            throw new FtwFileException("expected a mapping with `tests` at the top, found " + root.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT));
        }
        FtwFormat format = detect(root);
        JsonNode meta = root.path("meta");
        Optional<String> disabled = meta.path("enabled").isBoolean() && !meta.path("enabled").asBoolean()
                ? Optional.of("disabled in the file (meta.enabled: false)") : Optional.empty();
        String ruleId = root.hasNonNull("rule_id") ? root.get("rule_id").asText() : fileRule;
        JsonNode testNodes = root.path("tests");
        if (!testNodes.isMissingNode() && !testNodes.isNull() && !testNodes.isArray()) {
            throw new FtwFileException("`tests` must be a list");
        }
        List<FtwTest> tests = new ArrayList<>();
        int position = 0;
        for (JsonNode test : testNodes) {
            position++;
            tests.add(readTest(test, format, ruleId, position));
        }
        return new FtwSuite(file, format, ruleId, disabled, tests);
    }

    private static FtwTest readTest(JsonNode test, FtwFormat format, String fileRule, int position)
            throws FtwFileException {
        String ruleId = fileRule;
        String testId;
        if (test.hasNonNull("test_title")) {
            String title = test.get("test_title").asText();
            Matcher matcher = V1_TITLE.matcher(title);
            if (matcher.matches()) {
                ruleId = matcher.group(1);
                testId = matcher.group(2);
            } else {
                testId = title;
            }
        } else if (test.hasNonNull("test_id")) {
            testId = test.get("test_id").asText();
        } else {
            throw new FtwFileException("test " + position + " has neither `test_title` nor `test_id`");
        }
        String where = "test " + ruleId + "-" + testId;
        String description = test.path("desc").asText(test.path("description").asText(""));
        Optional<String> disabled = test.path("enabled").isBoolean() && !test.path("enabled").asBoolean()
                ? Optional.of("disabled in the file (enabled: false)") : Optional.empty();
        JsonNode stageNodes = test.path("stages");
        if (!stageNodes.isArray() || stageNodes.isEmpty()) {
            throw new FtwFileException(where + ": `stages` must be a non-empty list");
        }
        List<FtwStage> stages = new ArrayList<>();
        int index = 0;
        for (JsonNode stage : stageNodes) {
            index++;
            JsonNode body = stage.has("stage") ? stage.get("stage") : stage;
            String stageWhere = where + " stage " + index;
            if (!body.path("input").isObject()) {
                throw new FtwFileException(stageWhere + ": no `input` mapping");
            }
            FtwInput input = StageReader.input(body.get("input"), format, stageWhere);
            FtwExpectation expected = StageReader.output(body.path("output"), stageWhere);
            stages.add(new FtwStage(index, input, expected));
        }
        return new FtwTest(ruleId, testId, description, disabled, stages);
    }

    /** go-ftw files name their rule and number their tests; FTW v1 wraps each stage in {@code stage:}. */
    static FtwFormat detect(JsonNode root) {
        if (root.has("rule_id")) {
            return FtwFormat.GO_FTW;
        }
        for (JsonNode test : root.path("tests")) {
            if (test.has("test_title")) {
                return FtwFormat.FTW_V1;
            }
            for (JsonNode stage : test.path("stages")) {
                if (stage.has("stage")) {
                    return FtwFormat.FTW_V1;
                }
            }
        }
        return FtwFormat.GO_FTW;
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
