package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.generators.BundleArbitraries;
import dev.palisade.compiler.generators.BundleSpec;
import dev.palisade.compiler.generators.PolicySources;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random ALP bundles (the compiler's generators) plus random {@code log} blocks: the
 * ApplicationLayer is emitted exactly when some policy needs it, is valid for its CRD, enables ALP
 * exactly when a policy has an {@code alp} block, logs as often and as much as the most detailed
 * block asks, and warns (P0620) at exactly the blocks that asked for something else.
 */
class ApplicationLayerPropertyTest {
    /** A log block: interval in seconds, requests per interval (-1: {@code all}). */
    record LogSpec(long interval, long requests) {
        String text() {
            return "    log { interval " + interval + "s requests-per-interval " + (requests < 0 ? "all" : requests)
                    + " }\n";
        }
    }

    @Property(tries = 150, maxDiscardRatio = 10)
    void theApplicationLayerFollowsThePolicies(@ForAll("bundles") BundleSpec bundle,
            @ForAll("logs") List<Optional<LogSpec>> logs) {
        StringBuilder source = new StringBuilder(bundle.source());
        List<Integer> logLines = new ArrayList<>();
        List<LogSpec> given = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            source.append("policy logger-").append(i).append(" {\n    selector 'app == \"logger-").append(i)
                    .append("\"'\n");
            if (logs.get(i).isPresent()) {
                logLines.add((int) source.chars().filter(c -> c == '\n').count() + 1);
                given.add(logs.get(i).get());
                source.append(logs.get(i).get().text());
            }
            source.append("}\n");
        }
        Diagnostics diagnostics = new Diagnostics();
        List<ObjectNode> objects = ApplicationLayerResource.emit(compile(source.toString(), diagnostics),
                BuildOptions.defaults(), diagnostics);

        boolean alp = bundle.policies().stream().anyMatch(p -> p.alp().isPresent());
        assertEquals(alp || !given.isEmpty() ? 1 : 0, objects.size());
        if (objects.isEmpty()) {
            return;
        }
        ObjectNode layer = objects.get(0);
        CalicoSchemas.ifPresent().ifPresent(schemas -> assertEquals(List.of(), schemas.problems(layer)));
        JsonNode spec = layer.get("spec");
        assertEquals(alp, spec.has("applicationLayerPolicy"));
        assertFalse(spec.has("webApplicationFirewall"));
        assertEquals(!given.isEmpty(), spec.has("logCollection"));
        List<Integer> expectedWarnings = new ArrayList<>();
        if (!given.isEmpty()) {
            long interval = spec.path("logCollection").path("logIntervalSeconds").asLong();
            long requests = spec.path("logCollection").path("logRequestsPerInterval").asLong();
            for (int i = 0; i < given.size(); i++) {
                LogSpec log = given.get(i);
                assertTrue(interval <= log.interval(), "logs at least as often as every block asks");
                assertTrue(requests < 0 || (log.requests() >= 0 && requests >= log.requests()),
                        "logs at least as many requests as every block asks");
                if (log.interval() != interval || log.requests() != requests) {
                    expectedWarnings.add(logLines.get(i));
                }
            }
            assertTrue(given.stream().anyMatch(log -> log.interval() == interval), "the interval is one asked for");
            assertTrue(given.stream().anyMatch(log -> log.requests() == requests), "the requests are ones asked for");
        }
        assertEquals(expectedWarnings, diagnostics.sorted().stream()
                .filter(d -> d.code() == DiagnosticCode.LOG_SETTINGS_MERGED).map(d -> d.span().line()).toList());
    }

    @Provide
    Arbitrary<BundleSpec> bundles() {
        return BundleArbitraries.bundles();
    }

    @Provide
    Arbitrary<List<Optional<LogSpec>>> logs() {
        Arbitrary<LogSpec> log = Combinators.combine(Arbitraries.of(1L, 2L, 5L, 60L, 3600L),
                Arbitraries.of(-1L, 1L, 10L, 1000L)).as(LogSpec::new);
        return log.optional(0.7).list().ofMinSize(0).ofMaxSize(3);
    }

    private static BuildInput compile(String source, Diagnostics diagnostics) {
        PolicyCompiler.Result result = PolicySources.check(source);
        // the generators also make bundles the checks refuse (contradicting rules): not this property's concern
        Assume.that(!result.diagnostics().hasErrors());
        return BuildInputs.from(result, diagnostics);
    }
}
