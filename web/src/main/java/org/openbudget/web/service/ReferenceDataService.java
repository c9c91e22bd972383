package org.openbudget.web.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.classification.Classification;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ProfileReader;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.refdata.ReferenceLibrary.ListKind;
import org.openbudget.io.refdata.ReferenceLibrary.ListText;
import org.openbudget.io.yaml.YamlNode;
import org.openbudget.render.Format;
import org.openbudget.render.Renderers;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.ConflictException;
import org.openbudget.web.db.repositories.ReferenceDataRepository;
import org.openbudget.web.db.repositories.ReferenceDataRepository.ListVersion;
import org.openbudget.web.db.repositories.ReferenceDataRepository.ProfileVersion;
import org.openbudget.web.security.AccessPolicy;
import org.openbudget.web.security.BudgetUser;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's reference data: the classification lists and funding sources of each budget
 * year, and the template profiles. What is uploaded is read by the same io readers that read the
 * files of refdata/ and stored only when it reads; each change is a new version with its audit
 * record; the files stay the defaults. The reference library (web/Config) reads the versions in
 * effect through {@link ReferenceStore}, so checks, derivation, rendering and workbooks use them
 * from the next request on. Published versions are files frozen at publication: never re-rendered.
 */
@Service
public class ReferenceDataService {
    static final int FIRST_YEAR = 2000, LAST_YEAR = 2099;
    private static final Pattern PROFILE_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{1,63}");
    /** The top-level id line's value (an id has no space; a comment after it stays). */
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:[ \\t]*\\S+");
    /** A profile is tried on this example before it is stored (derive, check, render HTML). */
    static final String SAMPLE = "demo/urumqi-sme-center-2024/dataset.yaml";

    private final ReferenceDataRepository repo;
    private final ReferenceLibrary library;
    private final ReferenceStore store;
    private final AuditLogRepository audit;
    private final AccessPolicy policy;

    /** The reference library the application reads (files and the stored versions). */
    public ReferenceLibrary library() { return library; }

    public ReferenceDataService(ReferenceDataRepository repo, ReferenceLibrary library, ReferenceStore store, AuditLogRepository audit, AccessPolicy policy) {
        this.repo = repo;
        this.library = library;
        this.store = store;
        this.audit = audit;
        this.policy = policy;
    }

    private void admin(BudgetUser u) { AccessPolicy.require(policy.isAdmin(u), "系统管理"); }

    // ---------------------------------------------------------------- lists

    /** One list of a year as it is in effect. {@code version} is the stored version in effect (0: none stored). */
    public record ListState(int year, String list, String label, boolean classification, boolean present, int version, boolean builtIn,
                            boolean complete, String source, int items, String sha256, String by, OffsetDateTime at) {}

    /** A budget year: its three lists; {@code usable} when all three are there. */
    public record YearState(int year, boolean usable, List<ListState> lists) {}

    /** A row of a list: code, name, and its level (类/款/项) or for a funding source its group, budget and year. */
    public record Row(String code, String name, String detail) {}

    public record ListView(ListState state, String q, int total, int matched, List<Row> rows, boolean builtInAvailable, List<ListVersion> history) {}

    public List<YearState> years(BudgetUser u) {
        admin(u);
        SortedSet<Integer> ys = new TreeSet<>(library.years());
        ys.addAll(store.years());
        List<YearState> out = new ArrayList<>();
        for (int y : ys) {
            List<ListState> lists = new ArrayList<>();
            for (ListKind k : ListKind.values()) lists.add(state(y, k));
            out.add(new YearState(y, library.hasYear(y), lists));
        }
        return out;
    }

    private ListState state(int year, ListKind kind) {
        Optional<ListText> text = library.listText(year, kind);
        Optional<ListVersion> v = store.listVersion(year, kind);
        int items = text.map(t -> parse(year, kind, t).size()).orElse(0);
        return new ListState(year, kind.id(), kind.label(), kind.classification(), text.isPresent(), v.map(ListVersion::versionNo).orElse(0),
                v.map(ListVersion::builtIn).orElse(true), text.map(ListText::complete).orElse(false), text.map(ListText::source).orElse(""), items,
                v.map(ListVersion::sha256).orElse(null), v.map(ListVersion::createdBy).orElse(null), v.map(ListVersion::createdAt).orElse(null));
    }

    /** The rows of a list text (already validated: a stored or built-in list reads). */
    private static List<Row> parse(int year, ListKind kind, ListText t) {
        List<Row> rows = new ArrayList<>();
        if (kind == ListKind.FUNDING_SOURCES) {
            for (FundingSource s : ReferenceLibrary.fundingSources(t.file(), t.csv())) {
                rows.add(new Row(s.code(), s.name(), s.group() + " · " + s.budget() + " · " + (s.currentYear() ? "本年" : "上年结转结余")));
            }
        } else {
            Classification c = ReferenceLibrary.classification(kind == ListKind.FUNCTIONAL ? Classification.Kind.FUNCTIONAL : Classification.Kind.ECONOMIC,
                    year, t.file(), t.csv(), t.complete(), t.source());
            for (ClassItem i : c.items()) rows.add(new Row(i.code(), i.name(), switch (i.code().length()) { case 3 -> "类"; case 5 -> "款"; default -> "项"; }));
        }
        return rows;
    }

    /** A list in effect, searched (code prefix or part of the name; at most {@code limit} rows), with its versions. */
    public ListView list(BudgetUser u, int year, String listId, String q, int limit) {
        admin(u);
        ListKind kind = kind(listId);
        checkYear(year);
        ListState state = state(year, kind);
        List<Row> all = library.listText(year, kind).map(t -> parse(year, kind, t)).orElse(List.of());
        String needle = q == null ? "" : q.trim();
        List<Row> matching = needle.isEmpty() ? all : all.stream()
                .filter(r -> r.code().startsWith(needle) || r.name().contains(needle) || r.detail().contains(needle)).toList();
        List<Row> shown = matching.subList(0, Math.min(matching.size(), Math.max(limit, 0)));
        return new ListView(state, needle, all.size(), matching.size(), List.copyOf(shown), library.builtInList(year, kind).isPresent(),
                repo.listHistory(year, kind.id()));
    }

    /** A list's CSV: in effect (version null), the built-in file (0), or a stored version. */
    public String listCsv(BudgetUser u, int year, String listId, Integer version) {
        admin(u);
        ListKind kind = kind(listId);
        checkYear(year);
        if (version == null) return library.listText(year, kind).map(ListText::csv).orElseThrow(() -> new NotFoundException("没有 " + year + " 年的" + kind.label()));
        if (version == 0) return library.builtInList(year, kind).map(ListText::csv).orElseThrow(() -> new NotFoundException(year + " 年的" + kind.label() + "没有内置文件"));
        ListVersion v = repo.listVersion(year, kind.id(), version).orElseThrow(() -> new NotFoundException("没有第 " + version + " 版"));
        if (v.builtIn()) return library.builtInList(year, kind).map(ListText::csv).orElseThrow(() -> new NotFoundException("内置文件已不存在"));
        return v.content();
    }

    /**
     * Stores a new version of a list once it reads (same layout as refdata/: header {@code code,name},
     * or {@code code,name,group,budget,current_year} for the funding sources). {@code complete}: the
     * complete official list, so that an unknown code is an error rather than a notice.
     * {@code baseVersion}, when given, must still be the version in effect (0: none stored).
     */
    @Transactional
    public ListVersion uploadList(BudgetUser u, int year, String listId, String fileName, String csv, boolean complete, String source,
                                  String comment, Integer baseVersion) {
        admin(u);
        ListKind kind = kind(listId);
        checkYear(year);
        if (csv == null || csv.isBlank()) throw new RuleViolation("请上传 CSV 文件（与 refdata/ 相同的格式）。");
        boolean isComplete = kind.classification() && complete;
        String label = fileName == null || fileName.isBlank() ? year + "/" + kind.fileName() : fileName;
        int items;
        try {
            items = parse(year, kind, new ListText(label, csv, isComplete, source)).size();
        } catch (InputException e) {
            throw new InvalidDatasetException(kind.label() + "有 " + e.problems().size() + " 处错误，未保存 (the list was not stored)", e.problems());
        }
        repo.lock(year + "/" + kind.id());
        checkBase(baseVersion, repo.currentList(year, kind.id()).map(v -> new Current(v.versionNo(), v.createdBy(), v.createdAt())));
        ListVersion v = repo.insertList(year, kind.id(), csv, isComplete, source == null ? "" : source.trim(), items, PublicationService.sha256(bytes(csv)),
                null, comment, u.username());
        audit.record(u.username(), "上传参考数据", null, year, describe(v));
        store.changed();
        return summary(v);
    }

    /** A new version with the content of an earlier one; version 0 is the built-in file. */
    @Transactional
    public ListVersion rollbackList(BudgetUser u, int year, String listId, int version, String comment) {
        admin(u);
        ListKind kind = kind(listId);
        checkYear(year);
        repo.lock(year + "/" + kind.id());
        Optional<ListVersion> current = repo.currentList(year, kind.id());
        ListVersion v;
        if (version == 0) {
            ListText builtIn = library.builtInList(year, kind).orElseThrow(() -> new RuleViolation(year + " 年的" + kind.label() + "没有内置文件，无法恢复为内置。"));
            if (current.isEmpty() || current.get().builtIn()) throw new RuleViolation("已在使用内置文件。");
            v = repo.insertList(year, kind.id(), null, builtIn.complete(), builtIn.source(), parse(year, kind, builtIn).size(), null, 0, comment, u.username());
        } else {
            ListVersion target = repo.listVersion(year, kind.id(), version).orElseThrow(() -> new NotFoundException("没有第 " + version + " 版"));
            if (current.isPresent() && current.get().versionNo() == version) throw new RuleViolation("第 " + version + " 版就是在用版本。");
            v = repo.insertList(year, kind.id(), target.content(), target.complete(), target.source(), target.items(), target.sha256(), version, comment, u.username());
        }
        audit.record(u.username(), "恢复参考数据版本", null, year, describe(v));
        store.changed();
        return summary(v);
    }

    private static String describe(ListVersion v) {
        ListKind k = ListKind.of(v.list()).orElseThrow();
        return v.year() + " 年" + k.label() + " 第 " + v.versionNo() + " 版："
                + (v.restoredFrom() != null ? (v.restoredFrom() == 0 ? "恢复为内置文件，" : "恢复第 " + v.restoredFrom() + " 版，") : "")
                + (k.classification() ? (v.complete() ? "完整目录，" : "部分目录，") : "") + v.items() + " 项"
                + (v.sha256() == null ? "" : "，SHA-256 " + v.sha256().substring(0, 12) + "…")
                + (v.comment().isBlank() ? "" : "（" + v.comment() + "）");
    }

    private static ListVersion summary(ListVersion v) {
        return new ListVersion(v.id(), v.year(), v.list(), v.versionNo(), null, v.builtIn(), v.complete(), v.source(), v.items(), v.sha256(),
                v.restoredFrom(), v.comment(), v.createdBy(), v.createdAt());
    }

    private static ListKind kind(String listId) {
        return ListKind.of(listId == null ? "" : listId).orElseThrow(() -> new NotFoundException("没有参考数据列表 " + listId
                + "（应为 functional 支出功能分类、economic 支出经济分类 或 funding-sources 资金来源）"));
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) throw new RuleViolation("预算年度应在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间。");
    }

    // ---------------------------------------------------------------- profiles

    /**
     * A profile as it is in effect. {@code version} is the stored version in effect (0: none);
     * {@code problem} says why it cannot be read (a built-in file broken by hand), else null.
     */
    public record ProfileState(String id, String name, Integer year, int version, boolean builtIn, boolean hasBuiltIn, String by, OffsetDateTime at,
                               String problem) {}

    public record ProfileView(ProfileState state, String yaml, List<ProfileVersion> history) {}

    public List<ProfileState> profiles(BudgetUser u) {
        admin(u);
        return library.profileIds().stream().map(this::profileState).toList();
    }

    private ProfileState profileState(String id) {
        Optional<ProfileVersion> v = store.profileVersion(id);
        String name = null, problem = null;
        Integer year = null;
        try {
            TemplateProfile p = library.profile(id);
            name = p.name();
            year = p.year();
        } catch (InputException e) {
            problem = e.problems().get(0).toString();
        }
        return new ProfileState(id, name, year, v.map(ProfileVersion::versionNo).orElse(0), v.map(ProfileVersion::builtIn).orElse(true),
                library.builtInProfile(id).isPresent(), v.map(ProfileVersion::createdBy).orElse(null), v.map(ProfileVersion::createdAt).orElse(null), problem);
    }

    public ProfileView profile(BudgetUser u, String id) {
        admin(u);
        String yaml = library.profileText(id).map(ReferenceLibrary.ProfileText::yaml).orElseThrow(() -> new NotFoundException("没有模板 " + id));
        return new ProfileView(profileState(id), yaml, repo.profileHistory(id));
    }

    /** A profile's YAML: in effect (version null), the built-in file (0), or a stored version. */
    public String profileYaml(BudgetUser u, String id, Integer version) {
        admin(u);
        if (version == null) return library.profileText(id).map(ReferenceLibrary.ProfileText::yaml).orElseThrow(() -> new NotFoundException("没有模板 " + id));
        if (version == 0) return library.builtInProfile(id).map(ReferenceLibrary.ProfileText::yaml).orElseThrow(() -> new NotFoundException("模板 " + id + " 没有内置文件"));
        ProfileVersion v = repo.profileVersion(id, version).orElseThrow(() -> new NotFoundException("模板 " + id + " 没有第 " + version + " 版"));
        if (v.builtIn()) return library.builtInProfile(id).map(ReferenceLibrary.ProfileText::yaml).orElseThrow(() -> new NotFoundException("内置文件已不存在"));
        return v.content();
    }

    /**
     * Stores a profile's new version (or a new profile) once the profile reader reads it, its
     * {@code id} is {@code id}, and it derives, checks and renders the example document. A refused
     * file is reported with its lines and fields; nothing is stored.
     */
    @Transactional
    public ProfileVersion saveProfile(BudgetUser u, String id, String yaml, Integer baseVersion, String comment) {
        admin(u);
        checkProfileId(id);
        TemplateProfile p = validateProfile(id, yaml);
        repo.lock("profile/" + id);
        checkBase(baseVersion, repo.currentProfile(id).map(v -> new Current(v.versionNo(), v.createdBy(), v.createdAt())));
        boolean isNew = !library.hasProfile(id);
        ProfileVersion v = repo.insertProfile(id, yaml, p.name(), p.year(), PublicationService.sha256(bytes(yaml)), null, comment, u.username());
        audit.record(u.username(), isNew ? "新建模板" : "保存模板", null, p.year(), describe(v));
        store.changed();
        return summary(v);
    }

    /** A new profile: a copy of another one (its YAML with the new id). */
    @Transactional
    public ProfileVersion createProfile(BudgetUser u, String id, String copyOf, String comment) {
        admin(u);
        checkProfileId(id);
        if (library.hasProfile(id)) throw new RuleViolation("模板 " + id + " 已存在。");
        String source = library.profileText(copyOf == null ? "" : copyOf).map(ReferenceLibrary.ProfileText::yaml)
                .orElseThrow(() -> new RuleViolation("没有模板 " + copyOf + "，无法复制。"));
        Matcher m = ID_LINE.matcher(source);
        if (!m.find()) throw new RuleViolation("模板 " + copyOf + " 没有顶层的 id 行，无法复制。");
        String yaml = source.substring(0, m.start()) + "id: " + id + source.substring(m.end());
        return saveProfile(u, id, yaml, 0, comment == null || comment.isBlank() ? "复制自 " + copyOf : comment);
    }

    /** A new version with the content of an earlier one (read again before it is stored); version 0 is the built-in file. */
    @Transactional
    public ProfileVersion rollbackProfile(BudgetUser u, String id, int version, String comment) {
        admin(u);
        repo.lock("profile/" + id);
        Optional<ProfileVersion> current = repo.currentProfile(id);
        ProfileVersion v;
        if (version == 0) {
            var builtIn = library.builtInProfile(id).orElseThrow(() -> new RuleViolation("模板 " + id + " 没有内置文件，无法恢复为内置。"));
            if (current.isEmpty() || current.get().builtIn()) throw new RuleViolation("已在使用内置文件。");
            TemplateProfile p = validateProfile(id, builtIn.yaml());
            v = repo.insertProfile(id, null, p.name(), p.year(), null, 0, comment, u.username());
        } else {
            ProfileVersion target = repo.profileVersion(id, version).orElseThrow(() -> new NotFoundException("模板 " + id + " 没有第 " + version + " 版"));
            if (current.isPresent() && current.get().versionNo() == version) throw new RuleViolation("第 " + version + " 版就是在用版本。");
            String yaml = target.builtIn() ? library.builtInProfile(id).orElseThrow(() -> new RuleViolation("内置文件已不存在。")).yaml() : target.content();
            TemplateProfile p = validateProfile(id, yaml);
            v = repo.insertProfile(id, target.builtIn() ? null : yaml, p.name(), p.year(), target.builtIn() ? null : target.sha256(), version, comment, u.username());
        }
        audit.record(u.username(), "恢复模板版本", null, v.profileYear(), describe(v));
        store.changed();
        return summary(v);
    }

    private static String describe(ProfileVersion v) {
        return "模板 " + v.profileId() + " 第 " + v.versionNo() + " 版"
                + (v.restoredFrom() != null ? (v.restoredFrom() == 0 ? "：恢复为内置文件" : "：恢复第 " + v.restoredFrom() + " 版") : "")
                + (v.sha256() == null ? "" : "，SHA-256 " + v.sha256().substring(0, 12) + "…")
                + (v.comment().isBlank() ? "" : "（" + v.comment() + "）");
    }

    private static ProfileVersion summary(ProfileVersion v) {
        return new ProfileVersion(v.id(), v.profileId(), v.versionNo(), null, v.builtIn(), v.name(), v.profileYear(), v.sha256(), v.restoredFrom(),
                v.comment(), v.createdBy(), v.createdAt());
    }

    private static void checkProfileId(String id) {
        if (id == null || !PROFILE_ID.matcher(id).matches())
            throw new RuleViolation("模板编号应为 2–64 位小写字母、数字、点、下划线或横线，以字母或数字开头，如 hami-2025。");
    }

    /** The profile reader reads it, its id is the one given, and the example document derives, checks and renders with it. */
    TemplateProfile validateProfile(String id, String yaml) {
        String file = "profiles/" + id + ".yaml";
        if (yaml == null || yaml.isBlank()) throw refused(List.of(new InputProblem(file, 1, "", "模板为空 (the profile is empty)")));
        TemplateProfile p;
        try {
            // a profile that extends another is laid over the one in effect (built-in file or the administrator's version)
            p = ProfileReader.read(file, yaml, parent -> parent.equals(id) ? java.util.Optional.empty() : library.profileText(parent), library.measures());
        } catch (InputException e) {
            throw refused(e.problems());
        } catch (RuntimeException e) {
            throw refused(List.of(new InputProblem(file, 0, "", "模板无法读取：" + e.getMessage())));
        }
        List<InputProblem> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(file, yaml);
        if (!p.id().equals(id)) problems.add(root.require("id").problem("模板编号应为 " + id + "，实际为 \"" + p.id() + "\""));
        if (p.year() < FIRST_YEAR || p.year() > LAST_YEAR) problems.add(root.require("year").problem("年度应在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间"));
        if (!problems.isEmpty()) throw refused(problems);
        String trial = tryOnSample(p);
        if (trial != null) throw refused(List.of(new InputProblem(file, 0, "", trial)));
        return p;
    }

    /** Derives, checks and renders (HTML) the example unit with the profile: null when it works, else what failed. */
    private String tryOnSample(TemplateProfile p) {
        ClassPathResource r = new ClassPathResource(SAMPLE);
        if (!r.exists()) return null;
        Budget budget;
        ReferenceData ref;
        try (InputStream in = r.getInputStream()) {
            budget = new DatasetReader(library).parse(SAMPLE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ref = library.year(budget.year());
        } catch (IOException | RuntimeException e) {
            return null; // the example itself cannot be read here: nothing to try the profile on
        }
        try {
            Disclosure d = Deriver.derive(budget, ref, p);
            CheckCatalogue.run(d, p, ref);
            Renderers.of(Format.HTML).write(new DocumentView(d, p), new ByteArrayOutputStream());
            return null;
        } catch (IOException | RuntimeException e) {
            return "用此模板无法生成示例文档（" + budget.agency().name() + " " + budget.year() + " 年）：" + e
                    + " (the example document cannot be derived, checked and rendered with this profile)";
        }
    }

    private static InvalidDatasetException refused(List<InputProblem> problems) {
        return new InvalidDatasetException("模板有 " + problems.size() + " 处错误，未保存 (the profile was not stored)", problems);
    }

    // ---------------------------------------------------------------- shared

    private record Current(int versionNo, String by, OffsetDateTime at) {}

    private static void checkBase(Integer baseVersion, Optional<Current> current) {
        if (baseVersion == null) return;
        int now = current.map(Current::versionNo).orElse(0);
        if (now != baseVersion) {
            throw new ConflictException("读取后已有新版本：第 " + now + " 版" + current.map(c -> "（" + c.by() + "，"
                    + c.at().atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime().withNano(0).toString().replace('T', ' ') + "）").orElse("")
                    + "。未保存，请刷新后再改。");
        }
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** An uploaded text file: UTF-8 (with or without BOM), else GB18030 (a CSV saved by Excel or WPS on a Chinese system). */
    public static String text(byte[] bytes) {
        if (bytes == null) return "";
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            s = new String(bytes, java.nio.charset.Charset.forName("GB18030"));
        }
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
