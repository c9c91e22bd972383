package org.openbudget.web.api;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file as a download (UTF-8 file name). */
public final class Downloads {
    private Downloads() {}

    public static ResponseEntity<byte[]> of(String fileName, String mediaType, byte[] content) {
        return ResponseEntity.ok()
                .header("Content-Disposition", ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(mediaType)).body(content);
    }
}
