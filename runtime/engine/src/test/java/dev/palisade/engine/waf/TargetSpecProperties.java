package dev.palisade.engine.waf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Plain-text key patterns are searched without a regex: the answers must be the regex's. */
class TargetSpecProperties {

    @Provide
    Arbitrary<String> plainKeys() {
        Arbitrary<String> literal = Arbitraries.strings().withChars("aZ_-09utmUTM").ofMinLength(1).ofMaxLength(6);
        return Arbitraries.oneOf(literal, literal.map(text -> "^" + text));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("aZ_-09utmUTMx^.").ofMaxLength(12);
    }

    @Property(tries = 2000)
    void aPlainKeySelectsWhatItsRegexFinds(@ForAll("plainKeys") String key, @ForAll("names") String name) {
        TargetSpec spec = TargetSpec.of("REQUEST_COOKIES", Optional.of(key), true, true, false);
        boolean regex = Pattern.compile(key, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(name).find();
        assertEquals(regex, spec.selects(name), () -> "key /" + key + "/ on `" + name + "`");
    }
}
