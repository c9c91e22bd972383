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

    /**
     * A multipart body Tomcat would not parse: more parts than {@code server.tomcat.max-part-count} (a batch of more files
     * than it takes) or a malformed body. 400 saying so, never a server error.
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    public void unreadable(org.springframework.web.multipart.MultipartException e, HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (e instanceof MaxUploadSizeExceededException) {
            tooLarge(req, res);
            return;
        }
        RequestSizeLimit.answer(req, res, 400, "无法读取上传的内容", "无法读取上传的内容：一次上传的文件太多（至多约 "
                + Math.max(1, maxParts - 100) + " 个：请分几次上传，或打成 zip 压缩包），或内容不完整。");
    }

    @org.springframework.beans.factory.annotation.Value("${server.tomcat.max-part-count:1100}")
    private int maxParts = 1100;

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public void tooLarge(HttpServletRequest req, HttpServletResponse res) throws IOException {
        RequestSizeLimit.tooLarge(req, res, maxBytes);
    }
}
