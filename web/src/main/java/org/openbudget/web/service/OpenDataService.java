package org.openbudget.web.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.openbudget.render.opendata.FiscalDataPackage;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository.StoredFile;
import org.springframework.stereotype.Service;

/**
 * The portal's open data (数据下载): every current published version's Fiscal Data Package, listed, and a
 * region's year as one package and one spreadsheet CSV — all its published departments' lines, each line
 * once. A department's package holds its units' lines, so a unit whose department has published is taken
 * through its department; a unit whose department has not published (or that has none) is taken itself.
 * Versions published before the open-data format existed have no package: they are named, not guessed.
 *
 * <p>Only what is published is read: current versions' stored packages, which never change; a region's
 * files are kept by the ids of the versions they are made of, so a new version makes them anew.
 */
@Service
public class OpenDataService {
    /** What a region's code may look like (the registry's codes are digits; a query parameter is checked before use). */
    private static final Pattern REGION = Pattern.compile("[0-9A-Za-z]{1,20}");
    private static final int KEPT = 8;

    private final PortalService portal;
    private final Map<String, byte[]> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) { return size() > KEPT; }
    };

    public OpenDataService(PortalService portal) {
        this.portal = portal;
    }

    /** A current published version and its package (null when it was published before there were packages). */
    public record Entry(Publication publication, StoredFile fdp) {
        public boolean hasData() { return fdp != null; }
    }

    /** Every current published version, filtered by year and region (null: all), with its package's file. */
    public List<Entry> listing(Integer year, String region) {
        if (region != null && !region.isBlank()) checkRegion(region);
        List<Entry> out = new ArrayList<>();
        for (Publication p : portal.search(year, region, null, null)) {
            // every current version, 预算 and 决算 (a 决算's package measures executed spending: FDP's phase)
            StoredFile fdp = portal.files(p.id()).stream().filter(f -> f.format().equals("fdp")).findFirst().orElse(null);
            out.add(new Entry(p, fdp));
        }
        return out;
    }

    /**
     * A region's year: the versions whose lines it holds ({@code included}), those taken through their department
     * ({@code throughDepartment}) and those without a package ({@code withoutData}).
     */
    public record Collection(String regionCode, String regionName, int year, List<Entry> included, List<Entry> throughDepartment,
                             List<Entry> withoutData) {
        public String baseName() { return year + "-" + regionCode + "-部门预算明细"; }
        public String title() { return year + "年" + regionName + "部门预算明细"; }
    }

    /** The region's year; a region or year with nothing published is a {@link NotFoundException} saying so. */
    public Collection collection(String region, int year) {
        checkRegion(region);
        String name = portal.regions().get(region);
        if (name == null) throw new NotFoundException("没有代码为 " + region + " 的地区");
        // the region's file is of its budgets (预算): one phase, approved, in one package
        List<Entry> all = listing(year, region).stream().filter(e -> !e.publication().isFinal()).toList();
        if (all.isEmpty()) throw new NotFoundException(name + "没有" + year + "年已公开的文档");
        Set<String> departments = new HashSet<>();
        for (Entry e : all) if ("部门".equals(e.publication().kind()) && e.hasData()) departments.add(e.publication().agencyCode());
        List<Entry> included = new ArrayList<>(), through = new ArrayList<>(), without = new ArrayList<>();
        for (Entry e : all) {
            Publication p = e.publication();
            if ("单位".equals(p.kind()) && p.departmentCode() != null && departments.contains(p.departmentCode())) through.add(e);
            else if (!e.hasData()) without.add(e);
            else included.add(e);
        }
        return new Collection(region, name, year, included, through, without);
    }

    /** The region's year as one Fiscal Data Package (a zip). */
    public byte[] packageOf(Collection c) {
        return keep(c, "fdp", members -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            FiscalDataPackage.writeCollection("cn-" + c.regionCode() + "-" + c.year(), c.title(),
                    c.title() + "：" + c.included().size() + "份已公开的部门（单位）预算的明细数据，每行一条预算明细，金额单位为元，与各自公开的表格一致。",
                    c.year(), "预算", members, out);
            return out.toByteArray();
        });
    }

    /** The region's year as one CSV for a spreadsheet (UTF-8 with a byte-order mark). */
    public byte[] csvOf(Collection c) {
        return keep(c, "csv", members -> FiscalDataPackage.linesCsv(members, true));
    }

    private interface Writer {
        byte[] write(List<FiscalDataPackage.Member> members) throws IOException;
    }

    private byte[] keep(Collection c, String format, Writer writer) {
        StringBuilder key = new StringBuilder(format).append(':').append(c.regionCode()).append(':').append(c.year());
        for (Entry e : c.included()) key.append(',').append(e.publication().id());
        synchronized (kept) {
            byte[] b = kept.get(key.toString());
            if (b != null) return b;
        }
        List<FiscalDataPackage.Member> members = new ArrayList<>();
        for (Entry e : c.included()) {
            Publication p = e.publication();
            members.add(new FiscalDataPackage.Member(p.agencyName(), portal.file(p.id(), "fdp").content()));
        }
        byte[] b;
        try {
            b = writer.write(members);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (kept) {
            kept.put(key.toString(), b);
        }
        return b;
    }

    private static void checkRegion(String region) {
        // the value is not shown back: it may be anything a request carried
        if (!REGION.matcher(region).matches()) throw new NotFoundException("地区代码应为 1–20 位数字或字母");
    }
}
