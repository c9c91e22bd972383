package org.openbudget.web.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.opendata.FiscalDataPackage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Each published version also as open data: a Fiscal Data Package of its ledger's lines (render's
 * {@link FiscalDataPackage}: the lines in 元 exact, with the FDP model), frozen with the version like its
 * other files and downloaded from the same place (/api/public/documents/{id}/files/fdp).
 */
@Component
@Order(6)
public class OpenDataFormat implements DocumentFormat {
    private final ReferenceLibrary library;

    public OpenDataFormat(ReferenceLibrary library) {
        this.library = library;
    }

    @Override public String format() { return "fdp"; }
    @Override public String label() { return "开放数据 (Fiscal Data Package)"; }
    @Override public String mediaType() { return "application/zip"; }
    @Override public String extension() { return "zip"; }   // stored as …-v1-fdp.zip

    @Override
    public byte[] render(Input in) {
        if (in.budget() == null) throw new IllegalStateException("the open-data package is written from the ledger, which a preview does not carry");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 15);
        try {
            FiscalDataPackage.write(in.budget(), library.year(in.budget().year()), in.profile().meta().basis(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
