package org.openbudget.web.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The dataset the document was derived from, frozen with it: a unit's YAML (or its Excel workbook), or for a department a
 * zip of its dataset.yaml and its units' files (the layout of examples/, so {@code ./budget check} reads it).
 */
@Component
@Order(9)
public class DatasetFormat implements DocumentFormat {
    @Override public String format() { return "dataset"; }
    @Override public String label() { return "数据集 (YAML)"; }
    @Override public String mediaType() { return "application/octet-stream"; }
    @Override public String extension() { return "yaml"; }

    @Override
    public byte[] render(Input in) {
        if (in.dataset().size() == 1) return in.dataset().get(0).content();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (DatasetFile f : in.dataset()) {
                ZipEntry e = new ZipEntry(f.name());
                e.setTime(0L);
                zip.putNextEntry(e);
                zip.write(f.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** A department's bundle is a zip. */
    public static String extensionFor(Input in) {
        if (in.dataset().size() > 1) return "zip";
        return in.dataset().get(0).name().endsWith(".xlsx") ? "xlsx" : "yaml";
    }
}
