package dev.palisade.cli.testing;

import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import net.jqwik.engine.execution.lifecycle.CurrentTestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * Generation and shrinking with jqwik outside the JUnit engine: {@code palisade test} is a
 * command, not a test run, and jqwik's own runner would print its reports to stdout. jqwik's
 * generators keep memoized state in a store tied to the current test descriptor, so generation
 * runs under a descriptor of ours, as jqwik's own {@code Arbitrary.sampleStream()} does.
 */
final class JqwikSearch {
    /** Candidates tried while shrinking one counterexample, at most: shrinking always ends. */
    static final int MAX_SHRINK_STEPS = 5_000;

    private static final EngineDescriptor DESCRIPTOR =
            new EngineDescriptor(UniqueId.forEngine("palisade-test"), "palisade test properties");

    /** A failing value as first found and after shrinking, with why the shrunk one fails. */
    record Counterexample<T>(T original, T shrunk, String failure) {}

    private JqwikSearch() {}

    /**
     * Draws up to {@code tries} values from {@code seed}; the first one {@code check} rejects (a
     * message) is shrunk by jqwik's shrinking candidates to a smallest one that still fails.
     */
    static <T> Optional<Counterexample<T>> search(Arbitrary<T> arbitrary, long seed, int tries,
            Function<T, Optional<String>> check) {
        return run(() -> {
            RandomGenerator<T> generator = arbitrary.generator(tries, true);
            Random random = new Random(seed);
            for (int i = 0; i < tries; i++) {
                Shrinkable<T> drawn = generator.next(random);
                Optional<String> failure = check.apply(drawn.value());
                if (failure.isPresent()) {
                    return Optional.of(shrink(drawn, failure.get(), check));
                }
            }
            return Optional.empty();
        });
    }

    private static <T> Counterexample<T> shrink(Shrinkable<T> failing, String failure, Function<T, Optional<String>> check) {
        T original = failing.value();
        Shrinkable<T> smallest = failing;
        String why = failure;
        int steps = 0;
        boolean smaller = true;
        while (smaller && steps < MAX_SHRINK_STEPS) {
            smaller = false;
            for (Shrinkable<T> candidate : (Iterable<Shrinkable<T>>) smallest.shrink()::iterator) {
                if (++steps > MAX_SHRINK_STEPS) {
                    break;
                }
                Optional<String> candidateFailure = check.apply(candidate.value());
                if (candidateFailure.isPresent()) {
                    smallest = candidate;
                    why = candidateFailure.get();
                    smaller = true;
                    break;
                }
            }
        }
        return new Counterexample<>(original, smallest.value(), why);
    }

    private static <T> T run(Supplier<T> generation) {
        return CurrentTestDescriptor.runWithDescriptor(DESCRIPTOR, generation);
    }
}
