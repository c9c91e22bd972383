package org.openbudget.web.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.InputProblem;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.workbook.WorkbookLayout;
import org.openbudget.io.workbook.WorkbookReader;
import org.openbudget.io.yaml.YamlNode;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.ConflictException;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.RegionProfileRepository;
import org.openbudget.web.db.repositories.RegionProfileRepository.Assignment;
import org.openbudget.web.db.repositories.RegionProfileRepository.DocumentProfile;
import org.openbudget.web.security.AccessPolicy;
import org.openbudget.web.security.BudgetUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The template profile of each finance bureau (region) and budget year: the administrator assigns it;
 * without an assignment a region uses the year's default (refdata/templates.yaml: its default family's profile of the year). The blank workbook of
 * a unit and a department's consolidation name the profile of their region; a dataset that names
 * another one is refused when it is saved, checked (/api/check) or submitted, with the problem located
 * at its {@code profile} field (the 公开模板 cell of a workbook) and the profile expected.
 */
@Service
public class RegionProfileService {
    private final RegionProfileRepository repo;
    private final AgencyRepository agencies;
    private final ReferenceLibrary library;
    private final AuditLogRepository audit;
    private final AccessPolicy policy;

    public RegionProfileService(RegionProfileRepository repo, AgencyRepository agencies, ReferenceLibrary library, AuditLogRepository audit,
                                AccessPolicy policy) {
        this.repo = repo;
        this.agencies = agencies;
        this.library = library;
        this.audit = audit;
        this.policy = policy;
    }

    // ---------------------------------------------------------------- in use

    /** The profile the agencies of a region use for a year: the one assigned, else the year's default. */
    public String profileFor(String regionCode, int year) {
        return repo.current(regionCode, year).map(Assignment::profileId).orElseGet(() -> defaultProfile(year));
    }

    /** The profile an agency's datasets of a year name: its region's. */
    public String profileFor(Agency a, int year) {
        return profileFor(a.regionCode(), year);
    }

    /**
     * The profile of a region's 预算 of a year when none is assigned: the default family's (refdata/templates.yaml) profile
     * of that very year — the region's page lists a template per year and says when the year's is missing.
     */
    public String defaultProfile(int year) {
        return library.families().defaultFamily(BUDGET) + "-" + year;
    }

    /** The default 预算 family (refdata/templates.yaml), as the pages name it. */
    public String defaultFamily() {
        return library.families().defaultFamily(BUDGET);
    }

    /** The default family's profile nearest before or at the year (the one to copy for a year that has none). */
    public String nearestDefault(int year) {
        return library.defaultProfile(BUDGET, year);
    }

    /** The profile of a 决算 when its region assigned none: the default 决算 family's (refdata/templates.yaml) of the latest year up to this one. */
    public String defaultFinalProfile(int year) {
        return library.defaultProfile(Document.FINAL, year);
    }

    /** The profile an agency's documents of a year and basis name: its region's for that basis (预算 or 决算). */
    public String profileFor(Agency a, int year, String basis) {
        if (!Document.FINAL.equals(basis)) return profileFor(a, year);
        return repo.current(a.regionCode(), year, Document.FINAL).map(Assignment::profileId).orElseGet(() -> defaultFinalProfile(year));
    }

    /**
     * The located problem when a dataset of {@code a} for {@code year} names another profile than its
     * region's: at the {@code profile} line of YAML, at the 公开模板 cell of a workbook.
     */
    public Optional<InputProblem> mismatch(Agency a, int year, String named, String fileName, Document.Source source) {
        return mismatch(a, year, Document.BUDGET, named, fileName, source);
    }

    public Optional<InputProblem> mismatch(Agency a, int year, String basis, String named, String fileName, Document.Source source) {
        String expected = profileFor(a, year, basis);
        if (expected.equals(named)) return Optional.empty();
        boolean assigned = repo.current(a.regionCode(), year, Document.label(basis)).map(Assignment::profileId).isPresent();
        String region = agencies.regions().getOrDefault(a.regionCode(), a.regionCode());
        String message = "模板应为 " + expected + "（" + region + " " + year + " 年" + (assigned ? "由系统管理指定" : "的默认模板") + "），实际为 " + named + "："
                + (a.isDepartment() ? "请重新汇总，汇总时使用本地区的模板"
                   : source.isWorkbook() ? "请把“" + WorkbookLayout.F_PROFILE + "”改为 " + expected + "，或下载新的空白工作簿填写"
                   : "请把 profile 改为 " + expected)
                + " (this region uses the template profile " + expected + ")";
        if (source.isWorkbook()) return Optional.of(WorkbookReader.agencyFieldProblem(fileName, source.xlsx(), WorkbookLayout.F_PROFILE, message));
        try {
            return Optional.of(YamlNode.parse(fileName, source.yaml()).require("profile").problem(message));
        } catch (RuntimeException e) {
            return Optional.of(new InputProblem(fileName, 0, "profile", message));
        }
    }

    /** Refuses (nothing saved) a dataset that names another profile than its region's. */
    public void require(Agency a, int year, String named, String fileName, Document.Source source) {
        require(a, year, Document.BUDGET, named, fileName, source);
    }

    public void require(Agency a, int year, String basis, String named, String fileName, Document.Source source) {
        mismatch(a, year, basis, named, fileName, source).ifPresent(p -> { throw new InvalidDatasetException(List.of(p)); });
    }

    /**
     * A check without saving (/api/check): a readable dataset of a registered agency that names
     * another profile than its region's is not readable, with the located problem, as a save would be.
     * A dataset of an agency that is not registered has no region: unchanged.
     */
    public Evaluation checked(String fileName, Document.Source source, Evaluation e) {
        if (!e.readable()) return e;
        Optional<Agency> a = agencies.find(e.budget().agency().code());
        if (a.isEmpty()) return e;
        return mismatch(a.get(), e.budget().year(), e.budget().basis(), e.budget().profileId(), fileName, source).map(p -> Evaluation.invalid(List.of(p))).orElse(e);
    }

    // ---------------------------------------------------------------- the administrator's

    private void admin(BudgetUser u) { AccessPolicy.require(policy.isAdmin(u), "系统管理"); }

    /**
     * A region and year: the profile in use, whether it is assigned (else the default), by whom and when;
     * {@code version} is the stored version in effect (0: none stored).
     */
    public record RegionYear(String regionCode, String regionName, int year, String profileId, boolean assigned, String defaultProfile,
                             boolean profileExists, int version, String by, OffsetDateTime at) {}

    /** A working document of the region and year, and whether it names the region's profile. */
    public record DocumentState(String agencyCode, String agencyName, String kind, String status, String profileId, boolean matches) {}

    /** A profile that can be assigned for the year (its year is the budget year). */
    public record Candidate(String id, String name) {}

    public record View(RegionYear state, List<Candidate> candidates, List<DocumentState> documents, List<Assignment> history,
                       FinalTemplate finalTemplate) {}

    /**
     * The region's 决算 template for the year (issue 12): the one assigned, else the default (national-final-YEAR, the
     * latest up to the year); the 决算 templates it can choose (of the year or before: a 决算 template serves the years
     * after it until a new one is made); its versions.
     */
    public record FinalTemplate(String profileId, boolean assigned, String defaultProfile, int version, List<Candidate> candidates,
                                List<Assignment> history) {}

    /** Every region for every year that has reference data, profiles or an assignment. */
    public List<RegionYear> overview(BudgetUser u) {
        admin(u);
        Map<String, Map<Integer, Assignment>> active = new HashMap<>();
        for (Assignment a : repo.active()) active.computeIfAbsent(a.regionCode(), k -> new HashMap<>()).put(a.year(), a);
        SortedSet<Integer> years = new TreeSet<>(library.years());
        for (Assignment a : repo.active()) years.add(a.year());
        List<RegionYear> out = new ArrayList<>();
        for (Map.Entry<String, String> r : agencies.regions().entrySet()) {
            for (int y : years) out.add(state(r.getKey(), r.getValue(), y, Optional.ofNullable(active.getOrDefault(r.getKey(), Map.of()).get(y))));
        }
        return out;
    }

    private RegionYear state(String region, String name, int year, Optional<Assignment> current) {
        String assigned = current.map(Assignment::profileId).orElse(null);
        String id = assigned != null ? assigned : defaultProfile(year);
        return new RegionYear(region, name, year, id, assigned != null, defaultProfile(year), library.hasProfile(id),
                current.map(Assignment::versionNo).orElse(0), current.map(Assignment::createdBy).orElse(null), current.map(Assignment::createdAt).orElse(null));
    }

    private String regionName(String region) {
        String name = agencies.regions().get(region);
        if (name == null) throw new NotFoundException("没有代码为 " + region + " 的地区");
        return name;
    }

    private static void checkYear(int year) {
        if (year < ReferenceDataService.FIRST_YEAR || year > ReferenceDataService.LAST_YEAR)
            throw new RuleViolation("年度应在 " + ReferenceDataService.FIRST_YEAR + "–" + ReferenceDataService.LAST_YEAR + " 之间。");
    }

    private static final String BUDGET = "预算";

    /** A region and year: the profile in use, the profiles of the year, the region's documents of the year, the versions. */
    public View view(BudgetUser u, String region, int year) {
        admin(u);
        checkYear(year);
        RegionYear s = state(region, regionName(region), year, repo.current(region, year));
        List<Candidate> candidates = new ArrayList<>();
        for (String id : library.profileIds()) {
            try {
                TemplateProfile p = library.profile(id);
                // the documents prepared here are budgets (预算): a 决算 template is not offered for them
                if (p.year() == year && BUDGET.equals(p.meta().basis())) candidates.add(new Candidate(id, p.name()));
            } catch (RuntimeException e) {
                // a profile that does not read is listed (with its problem) on the profiles' page, not offered here
            }
        }
        List<DocumentState> docs = new ArrayList<>();
        for (DocumentProfile d : repo.documents(region, year)) {
            docs.add(new DocumentState(d.agencyCode(), d.agencyName(), d.kind(), d.status().label(), d.profileId(), s.profileId().equals(d.profileId())));
        }
        return new View(s, candidates, docs, repo.history(region, year), finalTemplate(region, year));
    }

    private FinalTemplate finalTemplate(String region, int year) {
        Optional<Assignment> current = repo.current(region, year, Document.FINAL);
        String assigned = current.map(Assignment::profileId).orElse(null);
        List<Candidate> candidates = new ArrayList<>();
        for (String id : library.profileIds()) {
            try {
                TemplateProfile p = library.profile(id);
                if (p.year() <= year && Document.FINAL.equals(p.meta().basis())) candidates.add(new Candidate(id, p.name()));
            } catch (RuntimeException e) {
                // listed with its problem on the profiles' page, not offered here
            }
        }
        String dflt = defaultFinalProfile(year);
        return new FinalTemplate(assigned != null ? assigned : dflt, assigned != null, dflt, current.map(Assignment::versionNo).orElse(0),
                candidates, repo.history(region, year, Document.FINAL));
    }

    /**
     * Assigns the region's 决算 template for a year (null or blank: back to the default): a 决算 template of the year or
     * before. Versions as the 预算's: {@code baseVersion} the one read (0: none), another is a 409; never overwritten.
     */
    @Transactional
    public Assignment assignFinal(BudgetUser u, String region, int year, String profileId, String comment, Integer baseVersion) {
        admin(u);
        checkYear(year);
        String name = regionName(region);
        String id = profileId == null || profileId.isBlank() ? null : profileId.trim();
        if (id != null) {
            if (!library.hasProfile(id)) throw new RuleViolation("没有模板 " + id + "。");
            TemplateProfile p;
            try {
                p = library.profile(id);
            } catch (RuntimeException e) {
                throw new RuleViolation("模板 " + id + " 无法读取：" + e.getMessage());
            }
            if (!Document.FINAL.equals(p.meta().basis())) throw new RuleViolation("模板 " + id + " 是" + p.meta().basis() + "模板，不能用于编制部门决算。");
            if (p.year() > year) throw new RuleViolation("模板 " + id + " 是 " + p.year() + " 年的决算模板，不能用于 " + year + " 年度决算。");
        }
        repo.lock(region, year);
        Optional<Assignment> current = repo.current(region, year, Document.FINAL);
        int now = current.map(Assignment::versionNo).orElse(0);
        if (baseVersion != null && baseVersion != now) throw new ConflictException("读取后已有新版本：第 " + now + " 版。未保存，请刷新后再改。");
        String before = current.map(Assignment::profileId).orElse(null);
        if (java.util.Objects.equals(before, id)) {
            throw new RuleViolation(name + " " + year + " 年度决算已在使用" + (id == null ? "默认模板 " + defaultFinalProfile(year) : "模板 " + id) + "。");
        }
        Assignment a = repo.insert(region, year, Document.FINAL, id, comment, u.username());
        audit.record(u.username(), "指定地区模板", null, year, name + "（" + region + "）" + year + " 年度决算："
                + (before == null ? "默认 " + defaultFinalProfile(year) : before) + " → " + (id == null ? "默认 " + defaultFinalProfile(year) : id)
                + "，第 " + a.versionNo() + " 版" + (a.comment().isBlank() ? "" : "（" + a.comment() + "）"));
        return a;
    }

    /**
     * Assigns a profile to a region for a year (null or blank: back to the default). The profile must
     * exist and be of that year. {@code baseVersion} is the version the writer read (0: none stored):
     * another is a 409. A new version with its audit record; nothing is ever overwritten.
     */
    @Transactional
    public Assignment assign(BudgetUser u, String region, int year, String profileId, String comment, Integer baseVersion) {
        admin(u);
        checkYear(year);
        String name = regionName(region);
        String id = profileId == null || profileId.isBlank() ? null : profileId.trim();
        if (id != null) {
            if (!library.hasProfile(id)) throw new RuleViolation("没有模板 " + id + "：请先在“模板”中新建（复制一个已有模板）。");
            TemplateProfile p;
            try {
                p = library.profile(id);
            } catch (RuntimeException e) {
                throw new RuleViolation("模板 " + id + " 无法读取：" + e.getMessage());
            }
            if (p.year() != year) throw new RuleViolation("模板 " + id + " 是 " + p.year() + " 年的模板，不能用于 " + year + " 年。");
            if (!BUDGET.equals(p.meta().basis()))
                throw new RuleViolation("模板 " + id + " 是" + p.meta().basis() + "模板，不能用于编制 " + year + " 年的部门预算。");
        }
        repo.lock(region, year);
        Optional<Assignment> current = repo.current(region, year);
        int now = current.map(Assignment::versionNo).orElse(0);
        if (baseVersion != null && baseVersion != now) {
            throw new ConflictException("读取后已有新版本：第 " + now + " 版" + current.map(c -> "（" + c.createdBy() + "，"
                    + c.createdAt().atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime().withNano(0).toString().replace('T', ' ') + "）").orElse("")
                    + "。未保存，请刷新后再改。");
        }
        String before = current.map(Assignment::profileId).orElse(null);
        if (java.util.Objects.equals(before, id)) {
            throw new RuleViolation(id == null ? name + " " + year + " 年已在使用默认模板 " + defaultProfile(year) + "。"
                    : name + " " + year + " 年已在使用模板 " + id + "。");
        }
        Assignment a = repo.insert(region, year, id, comment, u.username());
        audit.record(u.username(), "指定地区模板", null, year, name + "（" + region + "）" + year + " 年："
                + (before == null ? "默认 " + defaultProfile(year) : before) + " → "
                + (id == null ? "默认 " + defaultProfile(year) : id) + "，第 " + a.versionNo() + " 版"
                + (a.comment().isBlank() ? "" : "（" + a.comment() + "）"));
        return a;
    }
}
