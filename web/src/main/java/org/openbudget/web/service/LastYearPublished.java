package org.openbudget.web.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.text.TextGenerator;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.workbook.WorkbookReader;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 上年数 from last year's published version: the budget of an agency's current published version of the year before, read
 * from the dataset frozen with it (a unit's YAML or workbook, a department's zip of its dataset and its units' files — in
 * memory, never through the disk). A version never changes, so what is read is kept by its id.
 */
@Component
public class LastYearPublished {
    private static final Logger log = LoggerFactory.getLogger(LastYearPublished.class);
    /** A published bundle is the system's own; still, no more than this is inflated from it. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final PublicationRepository publications;
    private final ReferenceLibrary library;
    private final Map<Long, Optional<Budget>> read = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Optional<Budget>> eldest) { return size() > 64; }
    });

    public LastYearPublished(PublicationRepository publications, ReferenceLibrary library) {
        this.publications = publications;
        this.library = library;
    }

    /** Last year's published version of an agency and its budget. */
    public record Version(Publication publication, Budget budget) {}

    /** The current published version of {@code agencyCode} for {@code year}, with its budget; empty when none (or unreadable). */
    public Optional<Version> of(String agencyCode, int year) {
        return of(agencyCode, year, org.openbudget.web.db.repositories.Document.BUDGET);
    }

    /** The current published version of a year's 预算 or 决算, with its dataset read (a version never changes: kept by id). */
    public Optional<Version> of(String agencyCode, int year, String basis) {
        Optional<Publication> p = publications.current(agencyCode, year, basis);
        if (p.isEmpty()) return Optional.empty();
        Optional<Budget> b = read.get(p.get().id());
        if (b == null) {
            b = budget(p.get());
            read.put(p.get().id(), b);
        }
        return b.map(budget -> new Version(p.get(), budget));
    }

    /**
     * The figures per text-fact key that last year's published document prints, as this year's template reads them (the
     * comparatives its text states), in 万元.
     */
    public Map<String, BigDecimal> amounts(Version lastYear, int year, TemplateProfile profile) {
        // a version never changes: its figures are kept while the template and the reference data are the same objects
        ReferenceData ref = library.year(year);
        String key = lastYear.publication().id() + ":" + year + ":" + profile.id();
        Figures kept = figures.get(key);
        if (kept != null && kept.profile() == profile && kept.ref() == ref) return kept.amounts();
        Map<String, BigDecimal> amounts = Map.copyOf(figures(lastYear.budget(), year, profile));
        figures.put(key, new Figures(profile, ref, amounts));
        return amounts;
    }

    private record Figures(TemplateProfile profile, ReferenceData ref, Map<String, BigDecimal> amounts) {}

    private final Map<String, Figures> figures = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Figures> eldest) { return size() > 64; }
    });

    private Map<String, BigDecimal> figures(Budget lastYear, int year, TemplateProfile profile) {
        ReferenceData ref = library.year(year);
        Disclosure tables = Deriver.tables(lastYear, library.year(lastYear.year()), profile);
        return TextGenerator.comparatives(Narrative.LastYear.NONE, tables, ref, profile);
    }

    private Optional<Budget> budget(Publication p) {
        try {
            var file = publications.file(p.id(), "dataset").orElse(null);
            if (file == null) return Optional.empty();
            String name = file.fileName();
            if (name.endsWith(".zip")) return Optional.of(department(unzip(file.content())));
            return Optional.of(unit(name, file.content()));
        } catch (IOException | RuntimeException e) {
            // a version published by an earlier release that this one no longer reads: no 上年数 from it, the hand-typed ones stand
            log.warn("published version {} ({} {}) could not be read for last year's figures: {}", p.id(), p.agencyCode(), p.year(), e.toString());
            return Optional.empty();
        }
    }

    private Budget unit(String name, byte[] content) {
        if (name.endsWith(".xlsx")) return new WorkbookReader(library).read(name, new ByteArrayInputStream(content));
        return DatasetReader.inMemory(library, Map.of()).parse(name, new String(content, StandardCharsets.UTF_8));
    }

    private Budget department(Map<String, byte[]> files) {
        byte[] own = files.remove("dataset.yaml");
        if (own == null) throw new IllegalStateException("no dataset.yaml in the published bundle");
        Map<String, Budget> units = new LinkedHashMap<>();
        files.forEach((name, bytes) -> units.put(name, unit(name, bytes)));
        return DatasetReader.inMemory(library, units).parse("dataset.yaml", new String(own, StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            byte[] buf = new byte[8192];
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > MAX_BYTES) throw new IOException("published bundle larger than " + MAX_BYTES + " bytes");
                    b.write(buf, 0, n);
                }
                out.put(e.getName(), b.toByteArray());
            }
        }
        return out;
    }
}
