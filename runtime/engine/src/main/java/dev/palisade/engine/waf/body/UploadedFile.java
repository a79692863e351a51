package dev.palisade.engine.waf.body;

import java.util.Objects;

/**
 * One file part of a multipart body: the {@code FILES_NAMES} entry ({@code fieldName}), the
 * {@code FILES} entry ({@code fileName}, as the client sent it), the {@code FILES_SIZES} entry and
 * the part's {@code Content-Type} header ({@code ""} when the part had none). Byte strings.
 */
public record UploadedFile(String fieldName, String fileName, long size, String contentType) {

    public UploadedFile {
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
    }
}
