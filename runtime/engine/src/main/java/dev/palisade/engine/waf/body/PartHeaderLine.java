package dev.palisade.engine.waf.body;

/**
 * One line in a multipart part's header block, handled as libmodsecurity 3.0.9's
 * {@code Multipart::process_part_header} does: the empty line ends the block and checks the
 * Content-Disposition; a line starting with whitespace folds into the previous header (setting
 * {@code MULTIPART_HEADER_FOLDING}, and {@code MULTIPART_INVALID_HEADER_FOLDING} for whitespace other
 * than space and tab); any other line is {@code Name: value}. Errors only set the message: v3 goes on,
 * with the part still reading headers. Checked against libmodsecurity 3.0.9 (Debian 12).
 */
final class PartHeaderLine {

    private PartHeaderLine() {}

    static void process(MultipartRun run, MultipartRun.Part part, char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\0') {
                run.error = "Multipart: Nul byte in part headers.";
                return;
            }
        }
        MultipartParser.Flags flags = run.flags;
        if (length > 1 && buffer[length - 2] == '\r') {
            flags.crlfLine = true;
        } else {
            flags.lfLine = true;
        }
        String line = new String(buffer, 0, length);
        if (line.equals("\r\n") || line.equals("\n")) {
            commit(part);
            endOfHeaders(run, part);
        } else if (ByteString.isSpace(buffer[0])) {
            flags.headerFolding = true;
            if (part.lastHeaderName.isEmpty()) {
                flags.invalidHeaderFolding |= buffer[0] != '\t' && buffer[0] != ' ';
                run.error = "Multipart: Invalid part header (folding error).";
                return;
            }
            int start = 0;
            while (start < length && ByteString.isSpace(buffer[start])) {
                flags.invalidHeaderFolding |= buffer[start] != '\t' && buffer[start] != ' ';
                start++;
            }
            String folded = part.headers.get(part.lastHeaderName) + " " + chomp(line.substring(start));
            part.headers.put(part.lastHeaderName, folded);
            // 3.0.9 then keeps the unfolded header, as name, colon, space, value, without a line ending,
            // in place of the line it folds into, or as one more line if that one already counted.
            part.pendingLine = part.lastHeaderName + ": " + folded;
            if (folded.length() > MultipartParser.BUFFER_SIZE) {
                run.error = "Multipart: Part header too long.";
            }
        } else {
            commit(part);
            int colon = line.indexOf(':');
            if (colon < 0) {
                run.error = "Multipart: Invalid part header (colon missing): " + line;
                return;
            }
            if (colon == 0) {
                run.error = "Multipart: Invalid part header (header name missing).";
                return;
            }
            String name = line.substring(0, colon);
            int start = colon + 1;
            while (start < length && (buffer[start] == '\t' || buffer[start] == ' ')) {
                start++;
            }
            if (part.headers.containsKey(name)) {
                // v3 returns here without a message: a duplicate header is not a request body error.
                return;
            }
            part.lastHeaderName = name;
            part.headers.put(name, chomp(line.substring(start)));
            // MULTIPART_PART_HEADERS gets the line as sent, line ending included (3.0.9 keeps it), once the
            // next line shows it is not folded further.
            part.pendingLine = line;
        }
    }

    private static void endOfHeaders(MultipartRun run, MultipartRun.Part part) {
        String disposition = part.headers.get("Content-Disposition");
        if (disposition == null) {
            run.error = "Multipart: Part missing Content-Disposition header.";
            return;
        }
        ContentDisposition parsed = ContentDisposition.parse(disposition, part.name, part.filename, part.filenameStar);
        part.name = parsed.name();
        part.filename = parsed.filename();
        part.filenameStar = parsed.filenameStar();
        run.flags.invalidQuoting |= parsed.invalidQuoting();
        if (parsed.code() < 0) {
            run.error = "Multipart: Invalid Content-Disposition header (" + parsed.code() + "): " + disposition;
            return;
        }
        if (part.name.isEmpty()) {
            run.error = "Multipart: Content-Disposition header missing name field.";
            return;
        }
        if (!part.filename.isEmpty()) {
            // Some back ends find name and filename crudely; make sure they would see the filename too.
            if (!disposition.contains("filename=")) {
                run.error = "Multipart: Invalid Content-Disposition header (filename).";
                return;
            }
            part.type = MultipartRun.Part.FILE;
        } else {
            part.type = MultipartRun.Part.FORM_DATA;
        }
        part.lastHeaderName = "";
        run.startData();
    }

    /** The previous header line is complete: it goes to {@code MULTIPART_PART_HEADERS} when the part ends. */
    private static void commit(MultipartRun.Part part) {
        if (part.pendingLine != null) {
            part.headerLines.add(part.pendingLine);
            part.pendingLine = null;
        }
    }

    /** ModSecurity's {@code chomp}: drop trailing CR and LF, unless the value is nothing else. */
    static String chomp(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '\n' || value.charAt(end - 1) == '\r')) {
            end--;
        }
        return end == 0 ? value : value.substring(0, end);
    }
}
