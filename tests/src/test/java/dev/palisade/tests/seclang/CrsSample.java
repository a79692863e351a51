package dev.palisade.tests.seclang;

import static dev.palisade.tests.seclang.OracleSetup.modSecurityVerdict;
import static dev.palisade.tests.seclang.OracleSetup.palisadeVerdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.palisade.cli.ftw.FtwLoader;
import dev.palisade.cli.ftw.FtwOutcome;
import dev.palisade.cli.ftw.FtwStage;
import dev.palisade.cli.ftw.FtwSuite;
import dev.palisade.cli.ftw.FtwTest;
import dev.palisade.tests.seclang.OracleSetup.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A sample of the CRS regression suite sent to ModSecurity and to Palisade ({@link OracleSetup}),
 * and what came of it: which tests agree on allow/deny, which disagree (explained or not, by the
 * known-disagreements file), and, for information only, where the matched rules differ.
 */
final class CrsSample {
    private static final Pattern RULE_ID = Pattern.compile("\\[id \"(\\d+)\"\\]");

    private CrsSample() {}

    /** The first runnable test of each rule's file, spread evenly over the files, at most {@code max}. */
    static List<FtwTest> tests(Path suite, int max) throws Exception {
        List<FtwTest> firsts = new ArrayList<>();
        for (Path file : FtwLoader.files(List.of(suite))) {
            FtwSuite loaded = FtwLoader.read(file);
            if (loaded.disabled().isEmpty()) {
                loaded.tests().stream().filter(t -> t.disabled().isEmpty()).findFirst().ifPresent(firsts::add);
            }
        }
        List<FtwTest> sample = new ArrayList<>();
        int count = Math.min(max, firsts.size());
        for (int i = 0; i < count; i++) {
            sample.add(firsts.get((int) ((long) i * firsts.size() / count)));
        }
        return sample;
    }

    /** Test id → why ModSecurity and Palisade decide differently, from {@code section} of {@code file}. */
    static Map<String, String> known(Path file, String section) throws Exception {
        Map<String, String> known = new LinkedHashMap<>();
        JsonNode root = new YAMLMapper().readTree(file.toFile());
        JsonNode entries = root == null ? null : root.get(section);
        if (entries != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                known.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return known;
    }

    /** The comparison's outcome; {@link #unexplained} must be empty. */
    record Comparison(int tests, List<String> agreeing, int blockedByBoth, List<String> disagreements,
            List<String> unexplained, List<String> otherRules) {

        /** The summary and every disagreement, as the test prints them. */
        String report(String name, Map<String, String> known) {
            StringBuilder out = new StringBuilder("ModSecurity oracle (" + name + "): " + tests + " CRS 3.3.4 tests, "
                    + agreeing.size() + " agree (" + blockedByBoth + " blocked by both), " + disagreements.size()
                    + " disagree; other rules matched in " + otherRules.size() + " (not asserted)\n");
            disagreements.forEach(line -> out.append("  ").append(line).append('\n'));
            otherRules.forEach(line -> out.append("  other rules matched: ").append(line).append('\n'));
            known.keySet().stream().filter(agreeing::contains)
                    .forEach(id -> out.append("  listed as a disagreement but agrees now: ").append(id).append('\n'));
            return out.toString();
        }
    }

    static Comparison compare(OracleSetup setup, List<FtwTest> tests, Map<String, String> known) throws Exception {
        List<String> agreeing = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        List<String> otherRules = new ArrayList<>();
        int blockedByBoth = 0;
        for (FtwTest test : tests) {
            StringBuilder both = new StringBuilder();
            boolean agree = true;
            boolean blocked = true;
            boolean sameRules = true;
            for (FtwStage stage : test.stages()) {
                int before = setup.errorLog().length();
                FtwOutcome theirs = setup.modSecurity.send(stage);
                String logged = setup.errorLog().substring(before);
                FtwOutcome ours = setup.palisade.send(stage);
                Set<Long> theirRules = ruleIds(logged);
                Verdict theirVerdict = modSecurityVerdict(theirs, logged);
                Verdict ourVerdict = palisadeVerdict(ours);
                agree &= theirVerdict.equals(ourVerdict);
                blocked &= theirVerdict.kind() == Verdict.Kind.WAF_DENY && ourVerdict.kind() == Verdict.Kind.WAF_DENY;
                sameRules &= withoutLoggingPhase(theirRules).equals(withoutLoggingPhase(ours.firedIds()));
                both.append(" ModSecurity ").append(theirVerdict).append(" (rules ").append(theirRules)
                        .append("), Palisade ").append(ourVerdict).append(" (rules ").append(ours.firedIds())
                        .append(')');
            }
            if (!sameRules) {
                otherRules.add(test.id() + ":" + both);
            }
            if (agree) {
                agreeing.add(test.id());
                blockedByBoth += blocked ? 1 : 0;
                continue;
            }
            String reason = known.get(test.id());
            String line = test.id() + ":" + both + (reason != null ? " [known: " + reason + "]" : " [UNEXPLAINED]");
            disagreements.add(line);
            if (reason == null) {
                unexplained.add(line);
            }
        }
        return new Comparison(tests.size(), agreeing, blockedByBoth, disagreements, unexplained, otherRules);
    }

    /** The ids of the rules ModSecurity logged in this part of the error log, in order, once each. */
    private static Set<Long> ruleIds(String log) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher matcher = RULE_ID.matcher(log);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    /** ModSecurity v3 with nginx does not log the phase-5 correlation rules (980xxx); Palisade reports them. */
    private static Set<Long> withoutLoggingPhase(Set<Long> ids) {
        return ids.stream().filter(id -> id < 980_000 || id > 980_999).collect(Collectors.toSet());
    }
}
