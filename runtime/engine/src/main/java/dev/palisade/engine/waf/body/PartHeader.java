package dev.palisade.engine.waf.body;

import java.util.Objects;

/**
 * One {@code MULTIPART_PART_HEADERS} entry: the key is the part's name (its Content-Disposition
 * {@code name}), the value the whole header line as sent, without its line ending, e.g.
 * {@code Content-Type: text/plain; charset=utf-8} (libmodsecurity 3.0.9 strips the EOL since
 * owasp-modsecurity/ModSecurity#2870). Byte strings.
 */
public record PartHeader(String partName, String line) {

    public PartHeader {
        Objects.requireNonNull(partName, "partName");
        Objects.requireNonNull(line, "line");
    }
}
