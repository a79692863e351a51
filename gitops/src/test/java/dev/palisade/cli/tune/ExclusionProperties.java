package dev.palisade.cli.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.ast.PathMatch;
import dev.palisade.dsl.ast.WafBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every suggested line is one {@code palisade check} accepts, and it says what was meant: parsed
 * back, the same rule, variable and path, whatever characters the variable's name or the path hold.
 */
class ExclusionProperties {
    private static final String POLICY = """
            policy shop {
                selector 'app == "shop"'
                waf {
                    mode detection
                }
            }
            """;

    @Provide
    Arbitrary<Exclusion> exclusions() {
        Arbitrary<String> member = Arbitraries.strings().withChars("aZ_09-.[]\"\\' :;$/é").ofMinLength(1).ofMaxLength(8);
        Arbitrary<Optional<String>> variable = Combinators.combine(
                Arbitraries.of("ARGS", "ARGS_GET", "REQUEST_COOKIES", "REQUEST_HEADERS"), member)
                .as((collection, name) -> collection + ":" + bytes(name)).optional(0.8);
        Arbitrary<Optional<PathScope>> scope = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.strings().withChars("ab/\"\\ %é").ofMaxLength(8).map(path -> bytes("/" + path)))
                .as(PathScope::new).optional(0.8);
        // check knows the CRS's ids and refuses others, so the ids are real ones.
        return Combinators.combine(Arbitraries.of(920320L, 930120L, 941320L, 942100L, 942260L, 942440L), variable, scope)
                .as(Exclusion::new);
    }

    @Property(tries = 150)
    void checkAcceptsItAndReadsBackTheSameExclusion(@ForAll("exclusions") Exclusion exclusion) throws IOException {
        ShopTraffic.assumeCrs();
        Path directory = Files.createTempDirectory("exclusion");
        Path file = directory.resolve("shop.pal");
        try {
            Files.writeString(file, POLICY);
            try (PolicyEdit edit = new PolicyEdit(file)) {
                edit.addToWaf(PolicyCompiler.check(List.of(file)), "shop", exclusion.toPalisade());
                PolicyCompiler.Result checked = PolicyCompiler.check(List.of(edit.inCopy(file)));
                assertFalse(checked.diagnostics().hasErrors(),
                        () -> exclusion.toPalisade() + ": " + checked.diagnostics().sorted());
                WafBlock.Exclusion parsed = (WafBlock.Exclusion) checked.unit().files().get(0).policies().get(0)
                        .waf().orElseThrow().items().get(1);
                assertEquals(exclusion, readBack(parsed), exclusion::toPalisade);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.delete(directory);
        }
    }

    @Example
    void aMemberTheGrammarCannotReadAsANameIsQuoted() {
        assertEquals("exclude rule 942100 for REQUEST_COOKIES:\"a b\" on path exact \"/x\"",
                new Exclusion(942100, Optional.of("REQUEST_COOKIES:a b"), Optional.of(new PathScope(true, "/x")))
                        .toPalisade());
        assertEquals("exclude rule 920320", new Exclusion(920320, Optional.empty(), Optional.empty()).toPalisade());
    }

    /** Exclusions hold what the WAF compares: the UTF-8 bytes of the policy's text, one char each. */
    private static String bytes(String text) {
        return dev.palisade.engine.request.PathNormalizer.toByteString(text);
    }

    private static Exclusion readBack(WafBlock.Exclusion parsed) {
        Optional<String> variable = parsed.target().map(target -> target.collection().text()
                + target.member().map(member -> ":" + bytes(member)).orElse(""));
        Optional<PathScope> scope = parsed.paths().stream().findFirst()
                .map(path -> new PathScope(path.kind() == PathMatch.Kind.EXACT, bytes(path.path().value())));
        return new Exclusion(parsed.ids().get(0).first().value().orElseThrow(), variable, scope);
    }
}
