package dev.palisade.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.compiler.generators.BundleArbitraries;
import dev.palisade.compiler.generators.PolicySources;
import dev.palisade.compiler.generators.BundleSpec;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPrinter;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.fmt.PolicyFormatter;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code palisade fmt} changes layout, never meaning: the formatted bundle lowers to the same IR. */
class FormatKeepsMeaningPropertyTest {

    @Property(tries = 1000, maxDiscardRatio = 10)
    void formattedSourceHasTheSameIr(@ForAll("bundles") BundleSpec spec) {
        String source = spec.source();
        Optional<IrBundle> original = PolicySources.ir(source);
        Assume.that(original.isPresent());
        Optional<String> formatted = PolicyFormatter.formatSource(new SourceFile("bundle.pal", source), new Diagnostics());
        assertTrue(formatted.isPresent(), source);
        Optional<IrBundle> reparsed = PolicySources.ir(formatted.get());
        assertTrue(reparsed.isPresent(), formatted.get());
        assertEquals(IrPrinter.print(original.get()), IrPrinter.print(reparsed.get()),
                "--- source\n" + source + "--- formatted\n" + formatted.get());
        assertEquals(formatted, PolicyFormatter.formatSource(new SourceFile("bundle.pal", formatted.get()), new Diagnostics()));
    }

    @Provide
    Arbitrary<BundleSpec> bundles() {
        return BundleArbitraries.bundles();
    }
}
