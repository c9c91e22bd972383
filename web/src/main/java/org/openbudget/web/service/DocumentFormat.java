package org.openbudget.web.service;

import java.util.List;

import org.openbudget.core.check.Finding;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.profile.TemplateProfile;

/**
 * One file format a published version is frozen in (html, json, the dataset …). Every bean of this
 * type is used when publishing; the renderers of module render/ plug in here.
 */
public interface DocumentFormat {
    /** Short id used in URLs: "html", "json", "pdf" … */
    String format();

    String label();

    String mediaType();

    String extension();

    byte[] render(Input in);

    /** What a renderer gets: the document, its template, its findings, the dataset files and the ledger (null in a preview). */
    record Input(Disclosure disclosure, TemplateProfile profile, List<Finding> findings, List<DatasetFile> dataset, String baseName,
                 org.openbudget.core.ledger.Budget budget) {
        /** A document without its ledger (a preview): the formats written from the ledger are not asked for. */
        public Input(Disclosure disclosure, TemplateProfile profile, List<Finding> findings, List<DatasetFile> dataset, String baseName) {
            this(disclosure, profile, findings, dataset, baseName, null);
        }
    }

    /** A dataset file: YAML text or a workbook, as bytes. */
    record DatasetFile(String name, byte[] content) {
        public static DatasetFile yaml(String name, String text) { return new DatasetFile(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
    }
}
