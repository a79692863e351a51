package dev.palisade.engine.waf.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state of one multipart parse: libmodsecurity 3.0.9's {@code Multipart::process},
 * {@code process_part_header}, {@code process_part_data}, {@code process_boundary} and
 * {@code multipart_complete}, step by step. Not thread-safe; {@link MultipartParser} makes one per body.
 */
final class MultipartRun {

    private static final int SIZE = MultipartParser.BUFFER_SIZE;

    /** A part being built or finished. */
    static final class Part {
        static final int UNKNOWN = 0;
        static final int FORM_DATA = 1;
        static final int FILE = 2;

        int type = UNKNOWN;
        String name = "";
        String filename = "";
        String filenameStar = "";
        final Map<String, String> headers = MultipartParser.newHeaderMap();
        String lastHeaderName = "";
        /** The last header line, not yet in {@link #headerLines}: a folded line may still extend it. */
        String pendingLine;
        final List<String> headerLines = new ArrayList<>();
        final StringBuilder value = new StringBuilder();
        long fileSize;
        boolean counted;
    }

    final MultipartParser.Flags flags = new MultipartParser.Flags();
    final List<Part> parts = new ArrayList<>();
    final List<PartHeader> partHeaders = new ArrayList<>();
    /** The last error message ModSecurity assigned; it overwrites earlier ones, as {@code error->assign} does. */
    String error = "";
    String boundary = "";

    private final BodyLimits limits;
    private final char[] buffer = new char[SIZE + 1];
    private int length;
    private boolean bufferContainsLine = true;
    private Part part;
    private boolean inData;
    private int reserved;
    private boolean seenData;
    private boolean isComplete;
    private int boundaryCount;
    private int files;
    private boolean stopped;
    /** How the last buffered line ended: 0 not at all (a 4 KiB piece), 1 LF, 2 CRLF. */
    private int previousLineEnding;

    MultipartRun(BodyLimits limits) {
        this.limits = limits;
    }

    /** The buffer as C sees it: NUL at and after {@code length}. */
    private char at(int index) {
        return index < length ? buffer[index] : '\0';
    }

    private int cLength() {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\0') {
                return i;
            }
        }
        return length;
    }

    /** C's {@code strncmp(buffer + offset, boundary, boundary.length()) == 0}. */
    private boolean boundaryAt(int offset) {
        for (int i = 0; i < boundary.length(); i++) {
            if (at(offset + i) != boundary.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    void process(String data) {
        if (data.isEmpty()) {
            return;
        }
        seenData = true;
        int next = 0;
        int end = data.length();
        while (next < end) {
            char c = data.charAt(next);
            boolean forced = false;
            if (c == '\r' && length == SIZE - 1) {
                // ModSecurity never leaves a CR as the last byte of its buffer.
                forced = true;
            } else {
                buffer[length++] = c;
                next++;
            }
            if (c == '\n' || length == SIZE || forced) {
                if (!processLine(forced)) {
                    return;
                }
                previousLineEnding = c != '\n' ? 0 : length >= 2 && buffer[length - 2] == '\r' ? 2 : 1;
                length = 0;
                bufferContainsLine = c == '\n';
            }
            if (isComplete && next < end) {
                flags.dataAfter = true;
                return;
            }
        }
    }

    /** One buffered line (or 4 KiB of one); false when ModSecurity stops parsing. */
    private boolean processLine(boolean forced) {
        boolean wasBoundary = false;
        int visible = cLength();
        if (bufferContainsLine && visible > 3 && buffer[0] == '-' && buffer[1] == '-') {
            if (visible >= boundary.length() + 2 && boundaryAt(2)) {
                // 3.0.9 counts a bare LF ending the line before a boundary line, whatever that line was.
                flags.lfLine |= previousLineEnding == 1;
            }
            if (visible >= boundary.length() + 2 && boundaryAt(2) && part != null && reserved == 0) {
                // 3.0.9: a boundary not preceded by the line break that ends a data line (the part is still
                // reading headers, or has no data line yet) is "Invalid part (data contains boundary)": the
                // line is not a boundary but one more header or data line.
                flags.invalidPart = true;
            } else if (visible >= boundary.length() + 2 && boundaryAt(2)) {
                int end = 2 + boundary.length();
                if (boundaryCount > 0) {
                    flags.unmatchedBoundary = 2;
                }
                boolean last = false;
                if (at(end) == '-' && at(end + 1) == '-') {
                    last = true;
                    end += 2;
                    if (isComplete) {
                        return fail("Multipart: Invalid boundary (final duplicate).");
                    }
                }
                if ((at(end) == '\r' && at(end + 1) == '\n' && at(end + 2) == '\0')
                        || (at(end) == '\n' && at(end + 1) == '\0')) {
                    if (at(end) == '\n') {
                        flags.lfLine = true;
                    } else {
                        flags.crlfLine = true;
                    }
                    if (!boundary(last)) {
                        return false;
                    }
                    isComplete |= last;
                    wasBoundary = true;
                    boundaryCount++;
                } else {
                    return fail("Multipart: Invalid boundary: " + new String(buffer, 0, visible));
                }
            } else {
                if (flags.boundaryQuoted && visible >= boundary.length() + 3 && buffer[2] == '"' && boundaryAt(3)) {
                    return fail("Multipart: Invalid boundary (quotes).");
                }
                int p = 2;
                while (ByteString.isSpace(at(p))) {
                    p++;
                }
                if (p != 2 && boundaryAt(p)) {
                    return fail("Multipart: Invalid boundary (whitespace).");
                }
                flags.unmatchedBoundary = 1;
            }
        } else if (bufferContainsLine) {
            for (int i = 0; i + 1 < length; i++) {
                if (buffer[i] == '-' && buffer[i + 1] == '-' && boundaryAt(i + 2)) {
                    flags.unmatchedBoundary = 1;
                    break;
                }
            }
        }
        if (!wasBoundary) {
            if (part == null) {
                flags.dataBefore = true;
            } else if (!inData) {
                if (length == SIZE || forced) {
                    return fail("Multipart: Part header line over " + SIZE + " bytes long");
                }
                PartHeaderLine.process(this, part, buffer, length);
            } else {
                data();
            }
        }
        return true;
    }

    private boolean fail(String message) {
        flags.error = true;
        error = message;
        return false;
    }

    /** Called by {@link PartHeaderLine} once the empty line ends a part's headers. */
    void startData() {
        inData = true;
    }

    /** {@code process_part_data}: the line's bytes, less a trailing CRLF or LF held back for the next line. */
    private void data() {
        int keep = 0;
        if (length >= 1 && buffer[length - 1] == '\n') {
            keep = length >= 2 && buffer[length - 2] == '\r' ? 2 : 1;
        }
        int dataLength = length - keep;
        if (part.type == Part.FILE) {
            boolean extract = limits.extractFiles();
            // As in v3, the check runs for every data line, also of a file already counted.
            if (extract && limits.uploadFileLimit() > 0 && files >= limits.uploadFileLimit()) {
                if (!flags.fileLimitExceeded) {
                    error = "Multipart: Upload file limit exceeded " + limits.uploadFileLimit()
                            + ". Use SecUploadFileLimit to change the limit.";
                    flags.fileLimitExceeded = true;
                }
                extract = false;
            }
            if (extract && !part.counted) {
                part.counted = true;
                files++;
            }
            part.fileSize += dataLength + reserved;
        } else {
            // v3 assigns the held-back line break, then overwrites it with the line: it is lost.
            part.value.append(buffer, 0, dataLength);
        }
        reserved = keep;
    }

    /** {@code process_boundary}: finish the current part, start the next unless this is the last boundary. */
    private boolean boundary(boolean last) {
        if (part != null) {
            // 3.0.9 publishes the header lines when the part ends, named or not (an unnamed part's go under "").
            for (String line : part.headerLines) {
                partHeaders.add(new PartHeader(part.name, line));
            }
            if (!part.name.isEmpty()) {
                parts.add(part);
            } else {
                flags.invalidPart = true;
            }
            part = null;
        }
        if (!last) {
            if (parts.size() >= limits.maxParts()) {
                stopped = true;
                error = "Multipart: more than " + limits.maxParts() + " parts";
                return false;
            }
            part = new Part();
            inData = false;
            reserved = 0;
        }
        return true;
    }

    /** Whether the buffer holds an unterminated final boundary, {@code --boundary--} at the end of the body. */
    private boolean finalBoundaryInBuffer() {
        return bufferContainsLine && length == 4 + boundary.length() && buffer[0] == '-' && buffer[1] == '-'
                && boundaryAt(2) && at(2 + boundary.length()) == '-' && at(3 + boundary.length()) == '-';
    }

    /**
     * The first step of {@code multipart_complete}, before the flags are published: an unterminated final
     * boundary right after a part's headers is "Invalid part (data contains final boundary)".
     */
    void checkFinalBoundary() {
        if (!stopped && seenData && !isComplete && boundaryCount > 0 && finalBoundaryInBuffer() && part != null
                && reserved == 0) {
            flags.invalidPart = true;
        }
    }

    /** The rest of {@code multipart_complete}: the final-boundary check; true when the parts may be exported. */
    boolean complete() {
        if (stopped) {
            return false;
        }
        if (seenData && !isComplete) {
            if (boundaryCount > 0) {
                if (finalBoundaryInBuffer()) {
                    boundary(true);
                    isComplete = true;
                }
                if (!isComplete) {
                    error = "Multipart: Final boundary missing.";
                    return false;
                }
            } else {
                error = "Multipart: No boundaries found in payload.";
                return false;
            }
        }
        return true;
    }
}
