package dev.palisade.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The decision log's hand-written JSON is Jackson's default output, byte for byte: log pipelines
 * parse these lines, and they were Jackson's until the writer showed in the proxy's profile.
 */
class JsonLineProperties {
    private static final JsonFactory JACKSON = new JsonFactory();

    @Property
    void stringsAreEscapedAsJacksonEscapesThem(@ForAll String value, @ForAll long number) throws IOException {
        String name = "request_id"; // names are the log's constants, written unescaped
        StringWriter expected = new StringWriter();
        try (JsonGenerator json = JACKSON.createGenerator(expected)) {
            json.writeStartObject();
            json.writeStringField(name, value);
            json.writeNumberField("n", number);
            json.writeStringField("null", null);
            json.writeArrayFieldStart("list");
            json.writeString(value);
            json.writeNumber(number);
            json.writeEndArray();
            json.writeBooleanField("b", false);
            json.writeEndObject();
        }
        String actual = new JsonLine().field(name, value).field("n", number).field("null", (String) null)
                .startArray("list").value(value).value(number).endArray().field("b", false).end();
        assertEquals(expected.toString(), actual);
    }

    @Property
    void controlCharactersAreEscapedAsJacksonEscapesThem(@ForAll @IntRange(min = 0, max = 0x7f) int code)
            throws IOException {
        String value = "a" + (char) code + "b";
        StringWriter expected = new StringWriter();
        try (JsonGenerator json = JACKSON.createGenerator(expected)) {
            json.writeStartObject();
            json.writeStringField("v", value);
            json.writeEndObject();
        }
        assertEquals(expected.toString(), new JsonLine().field("v", value).end());
    }

    @Property
    void instantsAreWrittenAsInstantToStringWritesThem(
            @ForAll @LongRange(min = -100_000_000_000L, max = 300_000_000_000L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 3) int round) {
        // Fractions of every group size: none, milliseconds, microseconds, nanoseconds.
        int fraction = round == 0 ? 0 : round == 1 ? nanos / 1_000_000 * 1_000_000 : round == 2 ? nanos / 1000 * 1000
                : nanos;
        Instant instant = Instant.ofEpochSecond(seconds, fraction);
        assertEquals("{\"t\":\"" + instant + "\"}", new JsonLine().field("t", instant).end());
        // Twice: the second time from the cached second.
        assertEquals("{\"t\":\"" + instant + "\"}", new JsonLine().field("t", instant).end());
    }
}
