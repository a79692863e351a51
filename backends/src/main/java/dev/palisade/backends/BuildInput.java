package dev.palisade.backends;

import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.Span;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.EngineMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every backend reads: a checked bundle's ALP IR, each policy's WAF and log settings, the
 * workloads to deploy for, the policy sources, and where each policy's blocks were written.
 * Backends are pure functions of this record.
 *
 * @param wafs by policy name, in file order (only policies with a {@code waf} block)
 * @param logs by policy name (only policies with a {@code log} block)
 * @param workloads one per policy that selects workloads by labels, in bundle order
 * @param sources the policy files, the SecLang and data files their {@code waf} blocks read (not the
 *     CRS's own files) and the corpora their tests draw from, by the path they were read from
 * @param spans by policy name: where its selector and blocks were written, for diagnostics (a
 *     policy missing here gets them at its IR span)
 */
public record BuildInput(IrBundle bundle, Map<String, PolicyWaf> wafs, Map<String, LogSettings> logs,
        List<BuildWorkload> workloads, Map<String, String> sources, Map<String, PolicySpans> spans) {

    public BuildInput {
        wafs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(wafs));
        logs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(logs));
        workloads = List.copyOf(workloads);
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
        spans = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(spans));
    }

    /** An input without spans: diagnostics go to each policy's IR span. */
    public BuildInput(IrBundle bundle, Map<String, PolicyWaf> wafs, Map<String, LogSettings> logs,
            List<BuildWorkload> workloads, Map<String, String> sources) {
        this(bundle, wafs, logs, workloads, sources, Map.of());
    }

    /** Where {@code policy}'s selector and blocks were written; all absent when unknown. */
    public PolicySpans spansOf(String policy) {
        return spans.getOrDefault(policy, PolicySpans.NONE);
    }

    /**
     * The directory all sources are below: the build output lays them out relative to it, as they
     * are in Git, so every relative reference between them (includes, data files) still resolves.
     */
    public Path sourcesRoot() {
        Path common = null;
        for (String name : sources.keySet()) {
            Path parent = Path.of(name).toAbsolutePath().normalize().getParent();
            if (common == null) {
                common = parent;
            } else {
                while (!parent.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        return common == null ? Path.of("").toAbsolutePath() : common;
    }

    /** {@code file} relative to {@link #sourcesRoot()}, with {@code /} between names. */
    public String relativeToSources(Path file) {
        return sourcesRoot().relativize(file.toAbsolutePath().normalize()).toString()
                .replace(java.io.File.separatorChar, '/');
    }

    /** Whether {@code file} is part of a CRS installation one of {@code wafs} loads, rather than of the policies. */
    public static boolean fromRuleSet(Path file, Iterable<PolicyWaf> wafs) {
        Path absolute = file.toAbsolutePath().normalize();
        for (PolicyWaf waf : wafs) {
            if (waf.crs().isPresent()) {
                CrsRuleSet.Options crs = waf.crs().get();
                List<Path> roots = new java.util.ArrayList<>(List.of(crs.rules(), crs.setup().getParent()));
                crs.plugins().ifPresent(roots::add);
                for (Path root : roots) {
                    if (absolute.startsWith(root.toAbsolutePath().normalize())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A policy's WAF: the lowered rule set, its mode, and the CRS it was built from (absent when
     * the block has no {@code crs} line).
     */
    public record PolicyWaf(String policy, IrWaf ir, EngineMode mode, Optional<CrsRuleSet.Options> crs) {}

    /**
     * Where a policy's parts were written: the IR keeps what a policy means, and a backend that
     * cannot carry some part says so at the line a user must change.
     *
     * @param dataFileOperators the operator of each SecLang rule (or chain link) in the {@code waf}
     *     block that reads a data file, by the span of that rule, which its IR rule carries
     */
    public record PolicySpans(Optional<Span> selector, Optional<Span> waf, Optional<Span> crs, Optional<Span> log,
            Map<Span, Span> dataFileOperators) {
        public static final PolicySpans NONE = new PolicySpans(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of());

        public PolicySpans {
            dataFileOperators = Map.copyOf(dataFileOperators);
        }
    }

    /**
     * A {@code log} block in Calico's ApplicationLayer terms.
     *
     * @param requestsPerInterval -1 for {@code all}
     */
    public record LogSettings(long intervalSeconds, long requestsPerInterval) {}

    /**
     * A workload Palisade runs next to: named after the policy that selects it, with labels that
     * policy's selector accepts (its smallest satisfying label set).
     */
    public record BuildWorkload(String name, Workload workload) {}
}
