package dev.palisade.cli.ftw;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts and prints a run's results: per file, failures with reasons, and the final line. */
public final class FtwReport {
    private final List<FtwResult> results;

    public FtwReport(List<FtwResult> results) {
        this.results = List.copyOf(results);
    }

    public List<FtwResult> results() {
        return results;
    }

    public int total() {
        return results.size();
    }

    public int passed() {
        return count(FtwVerdict.Kind.PASSED);
    }

    public int failed() {
        return count(FtwVerdict.Kind.FAILED);
    }

    public int skipped() {
        return count(FtwVerdict.Kind.SKIPPED);
    }

    private int count(FtwVerdict.Kind kind) {
        return (int) results.stream().filter(result -> result.verdict().kind() == kind).count();
    }

    /** {@code ftw: N/M passed (F failed, S skipped)}. */
    public String summary() {
        return "ftw: " + passed() + "/" + total() + " passed (" + failed() + " failed, " + skipped() + " skipped)";
    }

    /** One line per failing test: {@code FAIL 942100-3 (942100.yaml): reason}. */
    public static String failureLine(FtwResult result) {
        return "FAIL " + result.test().id() + " (" + result.suite().name() + "): " + result.verdict().reason();
    }

    /** {@code 942100.yaml: 12 passed, 2 failed, 0 skipped}, files in run order. */
    public List<String> perFile() {
        Map<Path, int[]> counts = new LinkedHashMap<>();
        Map<Path, String> names = new LinkedHashMap<>();
        for (FtwResult result : results) {
            int[] row = counts.computeIfAbsent(result.suite().file(), file -> new int[3]);
            row[result.verdict().kind().ordinal()]++;
            names.put(result.suite().file(), result.suite().name());
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((file, row) -> lines.add(names.get(file) + ": " + row[0] + " passed, " + row[1] + " failed, "
                + row[2] + " skipped"));
        return lines;
    }

    /** Per-file counts, then failures with reasons and notes; the caller prints {@link #summary()} last. */
    public void print(PrintWriter out) {
        perFile().forEach(out::println);
        for (FtwResult result : results) {
            if (result.verdict().isFailed()) {
                out.println(failureLine(result));
            }
            result.note().ifPresent(note -> out.println("note: " + note));
        }
    }

    /** The failures, one a line: {@code 942100-3<TAB>942100.yaml<TAB>reason}; sorted, for diffs. */
    public void writeFailures(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (FtwResult result : results) {
            if (result.verdict().isFailed()) {
                lines.add(result.test().id() + "\t" + result.suite().name() + "\t"
                        + result.verdict().reason().replace('\n', ' '));
            }
        }
        lines.sort(null);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
