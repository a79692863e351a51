package dev.palisade.engine.waf.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code JSON} request body processor, naming arguments as libmodsecurity 3.0.9's yajl-based
 * {@code RequestBodyProcessor::JSON} does (every example below checked against 3.0.9 itself):
 *
 * <pre>SecRule REQUEST_HEADERS:Content-Type "^application/json" "id:200001,phase:1,t:lowercase,pass,nolog,ctl:requestBodyProcessor=JSON"
 * SecRule ARGS:json.user.name "@rx admin" "id:1,phase:2,deny"</pre>
 *
 * <ul>
 *   <li>The root container is named {@code json}; each level adds its key after a dot:
 *       {@code {"a":{"b":1}}} gives {@code json.a.b=1}.</li>
 *   <li>An array adds {@code .array_N} for its N-th element (from 0), after its own name:
 *       {@code {"a":[1,[2]]}} gives {@code json.a.array_0=1} and {@code json.a.array_1.array_0=2};
 *       a root array gives {@code json.array_0}; an object inside an array is unnamed, so
 *       {@code {"a":[{"b":1}]}} gives {@code json.a.array_0.b}.</li>
 *   <li>An empty key inside an object is {@code empty-key}: {@code {"":1}} gives {@code json.empty-key}.</li>
 *   <li>Values: strings decoded (escapes resolved) as UTF-8 bytes, numbers as their text exactly as
 *       sent ({@code 1.50e3} stays so), {@code true}/{@code false}, and {@code null} as an empty value.
 *       Empty containers produce nothing.</li>
 *   <li>More than {@code SecRequestBodyJsonDepthLimit} open containers stop the parse: the message
 *       is yajl's "client cancelled" error plus ". Parsing depth limit exceeded", as 3.0.9 words it.</li>
 *   <li>Arguments before an error are kept (yajl calls back as it goes). Premature end and trailing
 *       garbage are worded as yajl words them; other errors carry Jackson's message after yajl's
 *       {@code parse error: } prefix, since rules test {@code REQBODY_ERROR}, not the text.</li>
 *   <li>A scalar at the root (yajl accepts one) is the argument {@code json}.</li>
 *   <li>An empty body is no error (the transaction ignores errors of an empty body); whitespace only is.
 *       A byte-order mark or UTF-16/32 text is an error, as for yajl (Jackson alone would accept them).</li>
 *   <li>Known difference: yajl needs no delimiter after a number or literal, so for {@code 1null} or
 *       {@code [truetrue]} it reports the first value as an argument before failing; Jackson fails at
 *       once. Both set {@code REQBODY_ERROR}; only that one argument of a malformed body differs.</li>
 * </ul>
 */
public final class JsonBody {

    private static final String DEPTH_MESSAGE =
            "parse error: client cancelled parse via callback return value\n. Parsing depth limit exceeded";

    private JsonBody() {}

    /** Parses {@code body} with the given {@code SecRequestBodyJsonDepthLimit}. */
    public static BodyParseResult parse(byte[] body, int depthLimit) {
        List<Argument> arguments = new ArrayList<>();
        if (body.length == 0) {
            return BodyParseResult.ofArguments(BodyProcessors.JSON, arguments, false);
        }
        if (!plainUtf8Start(body)) {
            return failed(arguments, "lexical error: invalid char in json text.\n");
        }
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Math.max(depthLimit + 1, 1))
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        .build())
                .build();
        JsonNames names = new JsonNames();
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return failed(arguments, "parse error: premature EOF\n");
            }
            int depth = 0;
            do {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        names.open(token == JsonToken.START_ARRAY);
                        depth++;
                        if (depth > depthLimit) {
                            return failed(arguments, DEPTH_MESSAGE);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        names.close();
                        depth--;
                    }
                    case FIELD_NAME -> names.key(ByteString.ofUtf8(parser.currentName()));
                    case VALUE_STRING -> names.value(ByteString.ofUtf8(parser.getText()), arguments);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                            names.value(parser.getText(), arguments);
                    case VALUE_NULL -> names.value("", arguments);
                    default -> {
                        // VALUE_EMBEDDED_OBJECT and NOT_AVAILABLE do not occur when parsing bytes.
                    }
                }
                if (depth == 0) {
                    break;
                }
                token = parser.nextToken();
            } while (token != null);
            if (depth > 0) {
                return failed(arguments, "parse error: premature EOF\n");
            }
            if (parser.nextToken() != null) {
                return failed(arguments, "parse error: trailing garbage\n");
            }
        } catch (JsonEOFException e) {
            return failed(arguments, "parse error: premature EOF\n");
        } catch (JsonProcessingException e) {
            return failed(arguments, "parse error: " + e.getOriginalMessage() + "\n");
        } catch (IOException e) {
            return failed(arguments, "parse error: " + e.getMessage() + "\n");
        }
        return BodyParseResult.ofArguments(BodyProcessors.JSON, arguments, false);
    }

    /**
     * Whether the body starts as yajl reads it: plain bytes. Jackson skips a byte-order mark and detects
     * UTF-16/32 from NUL bytes among the first four; yajl does neither and fails on the first such byte.
     */
    private static boolean plainUtf8Start(byte[] body) {
        if (body.length >= 2 && ((body[0] & 0xff) == 0xef || (body[0] & 0xff) == 0xfe || (body[0] & 0xff) == 0xff)) {
            return false;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static BodyParseResult failed(List<Argument> arguments, String message) {
        return BodyParseResult.failed(BodyProcessors.JSON, arguments, "JSON parsing error: " + message);
    }
}
