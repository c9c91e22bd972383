package org.openbudget.web.limits;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** An upload over {@code spring.servlet.multipart.max-file-size}: a clear answer (413 with the limit), not a bare error. */
@ControllerAdvice
public class UploadTooLarge {
    private final long maxBytes;

    public UploadTooLarge(@Value("${spring.servlet.multipart.max-file-size:20MB}") org.springframework.util.unit.DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public void tooLarge(HttpServletRequest req, HttpServletResponse res) throws IOException {
        RequestSizeLimit.tooLarge(req, res, maxBytes);
    }
}
