package dev.palisade.engine.waf.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyProcessorsTest {

    @Test
    void engineTypesAndDebianRules() {
        assertEquals(Optional.of("URLENCODED"), BodyProcessors.select("application/x-www-form-urlencoded; charset=UTF-8"));
        assertEquals(Optional.of("URLENCODED"), BodyProcessors.select("Application/X-WWW-Form-Urlencoded"));
        assertEquals(Optional.of("MULTIPART"), BodyProcessors.select("multipart/form-data; boundary=x"));
        assertEquals(Optional.of("MULTIPART"), BodyProcessors.select("MULTIPART/FORM-DATA;boundary=x"));
        assertEquals(Optional.of("JSON"), BodyProcessors.select("application/json"));
        assertEquals(Optional.of("JSON"), BodyProcessors.select("Application/JSON; charset=utf-8"));
        assertEquals(Optional.of("XML"), BodyProcessors.select("text/xml"));
        assertEquals(Optional.of("XML"), BodyProcessors.select("application/xml"));
        assertEquals(Optional.of("XML"), BodyProcessors.select("application/soap+xml; charset=utf-8"));
        // Rule 200000 is anchored at the start only: anything starting with a listed type matches.
        assertEquals(Optional.of("XML"), BodyProcessors.select("application/xmlfoo"));
    }

    @Test
    void otherTypesHaveNoProcessor() {
        assertEquals(Optional.empty(), BodyProcessors.select(null));
        assertEquals(Optional.empty(), BodyProcessors.select("text/plain"));
        assertEquals(Optional.empty(), BodyProcessors.select("application/vnd.api+json"));
        assertEquals(Optional.empty(), BodyProcessors.select("application/atom+xml"));
        assertEquals(Optional.empty(), BodyProcessors.select(" application/json"));
        assertEquals(Optional.empty(), BodyProcessors.select("multipart/mixed; boundary=x"));
    }

    @Test
    void unknownProcessorName() {
        assertThrows(IllegalArgumentException.class,
                () -> BodyProcessors.parse("YAML", "application/yaml", new byte[0], BodyLimits.defaults()));
    }
}
