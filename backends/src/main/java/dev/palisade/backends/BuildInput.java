package dev.palisade.backends;

import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.EngineMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every backend reads: a checked bundle's ALP IR, each policy's WAF and log settings, the
 * workloads to deploy for, and the policy sources. Backends are pure functions of this record.
 *
 * @param wafs by policy name, in file order (only policies with a {@code waf} block)
 * @param logs by policy name (only policies with a {@code log} block)
 * @param workloads one per policy that selects workloads by labels, in bundle order
 * @param sources the policy files, the SecLang and data files their {@code waf} blocks read (not the
 *     CRS's own files) and the corpora their tests draw from, by the path they were read from
 */
public record BuildInput(IrBundle bundle, Map<String, PolicyWaf> wafs, Map<String, LogSettings> logs,
        List<BuildWorkload> workloads, Map<String, String> sources) {

    public BuildInput {
        wafs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(wafs));
        logs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(logs));
        workloads = List.copyOf(workloads);
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
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
