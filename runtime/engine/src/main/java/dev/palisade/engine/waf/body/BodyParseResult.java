package dev.palisade.engine.waf.body;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one request body processor made of a body: the variables the rules then read.
 *
 * @param processor {@code REQBODY_PROCESSOR}: {@code URLENCODED}, {@code MULTIPART}, {@code JSON} or
 *     {@code XML}
 * @param arguments {@code ARGS_POST} (and so part of {@code ARGS}), in body order, duplicates kept
 * @param files {@code FILES}, {@code FILES_NAMES}, {@code FILES_SIZES}, in body order
 * @param partHeaders {@code MULTIPART_PART_HEADERS}, in body order
 * @param flags the {@code MULTIPART_*} variables by name, each 0 or 1 ({@code MULTIPART_UNMATCHED_BOUNDARY}
 *     may also be 2, see {@link MultipartParser}); empty for other processors
 * @param urlEncodedError {@code URLENCODED_ERROR}: a {@code %} not followed by two hex digits
 * @param error {@code REQBODY_ERROR} and {@code REQBODY_PROCESSOR_ERROR}
 * @param errorMessage {@code REQBODY_ERROR_MSG} and {@code REQBODY_PROCESSOR_ERROR_MSG}; empty when no error
 * @param xml the parsed document for {@code XML:<xpath>}, when the processor is XML and parsing succeeded
 */
public record BodyParseResult(String processor, List<Argument> arguments, List<UploadedFile> files,
        List<PartHeader> partHeaders, Map<String, Integer> flags, boolean urlEncodedError, boolean error,
        String errorMessage, XmlBody xml) {

    public BodyParseResult {
        Objects.requireNonNull(processor, "processor");
        arguments = List.copyOf(arguments);
        files = List.copyOf(files);
        partHeaders = List.copyOf(partHeaders);
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        Objects.requireNonNull(errorMessage, "errorMessage");
    }

    /** A processor's result with arguments only and no error. */
    static BodyParseResult ofArguments(String processor, List<Argument> arguments, boolean urlEncodedError) {
        return new BodyParseResult(processor, arguments, List.of(), List.of(), Map.of(), urlEncodedError, false, "",
                null);
    }

    /** A processor's result that failed after producing {@code arguments}. */
    static BodyParseResult failed(String processor, List<Argument> arguments, String message) {
        return new BodyParseResult(processor, arguments, List.of(), List.of(), Map.of(), false, true, message, null);
    }

    /** The document for {@code XML:} selectors, when there is one. */
    public Optional<XmlBody> xmlDocument() {
        return Optional.ofNullable(xml);
    }

    /** A {@code MULTIPART_*} flag's value, 0 when the processor did not set it. */
    public int flag(String name) {
        return flags.getOrDefault(name, 0);
    }

    /** {@code FILES_COMBINED_SIZE}: the sizes of all uploaded files, added up. */
    public long filesCombinedSize() {
        long total = 0;
        for (UploadedFile file : files) {
            total += file.size();
        }
        return total;
    }
}
