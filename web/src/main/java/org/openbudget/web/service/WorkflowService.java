package org.openbudget.web.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.DocumentRepository;
import org.openbudget.web.db.repositories.DocumentRepository.ConsolidatedUnit;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository;
import org.openbudget.web.db.repositories.Status;
import org.openbudget.web.security.AccessPolicy;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.workflow.Action;
import org.openbudget.web.workflow.Party;
import org.openbudget.web.workflow.Transition;
import org.openbudget.web.workflow.Transition.Rule;
import org.openbudget.web.workflow.Transitions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a document: a unit prepares and submits; a department consolidates its submitted
 * units and submits; the finance bureau returns or approves, then publishes. Every action is a row of
 * the transition table ({@link Transitions}): the parties the {@link AccessPolicy} gives the user, the
 * state, what the row demands (findings, comment, units) and the optimistic lock are checked, and the
 * row's record written to the audit trail, in one transaction.
 */
@Service
public class WorkflowService {
    /** A unit in one of these states can be consolidated by its department. */
    static final Set<Status> CONSOLIDATABLE = EnumSet.of(Status.SUBMITTED, Status.APPROVED, Status.PUBLISHED);

    private final AgencyRepository agencies;
    private final DocumentRepository documents;
    private final PublicationRepository publications;
    private final AuditLogRepository audit;
    private final BudgetService budgets;
    private final PublicationService publisher;
    private final AccessPolicy policy;
    private final RegionProfileService regionProfiles;

    public WorkflowService(AgencyRepository agencies, DocumentRepository documents, PublicationRepository publications,
                           AuditLogRepository audit, BudgetService budgets, PublicationService publisher, AccessPolicy policy,
                           RegionProfileService regionProfiles) {
        this.agencies = agencies;
        this.documents = documents;
        this.publications = publications;
        this.audit = audit;
        this.budgets = budgets;
        this.publisher = publisher;
        this.policy = policy;
        this.regionProfiles = regionProfiles;
    }

    public Agency agency(String code) {
        return agencies.find(code).orElseThrow(() -> new NotFoundException("没有代码为 " + code + " 的单位或部门"));
    }

    // ---------------------------------------------------------------- reading

    /** The agencies whose working documents the user sees. */
    public List<Agency> visibleAgencies(BudgetUser u) {
        List<Agency> out = new ArrayList<>();
        for (Agency a : agencies.all()) if (policy.canRead(u, a)) out.add(a);
        return out;
    }

    public List<Document> visibleDocuments(BudgetUser u) {
        return documents.forAgencies(visibleAgencies(u).stream().map(Agency::code).toList());
    }

    public DocumentView view(BudgetUser u, String code, int year) {
        return view(u, code, year, Document.BUDGET);
    }

    /** The year's document of a basis: its 预算 or its 决算, each with its own state, versions and actions. */
    public DocumentView view(BudgetUser u, String code, int year, String basis) {
        Agency a = agency(code);
        String b = basis(basis);
        AccessPolicy.require(policy.canRead(u, a), "查看 " + a.name() + " 的" + b);
        Optional<Document> doc = documents.find(code, year, b);
        Evaluation e = doc.map(this::evaluate).orElse(null);
        List<UnitState> units = a.isDepartment() ? unitStates(a, year, b, doc.orElse(null)) : List.of();
        Set<Party> parties = policy.parties(u, a);
        return new DocumentView(a, year, doc.orElse(null), e, units, publications.versions(code, year, b), audit.forDocument(code, year),
                parties, Transitions.allowed(parties, doc.map(Document::status).orElse(null)), b);
    }

    /** 预算 or 决算; anything else is refused (422) rather than read as either. */
    public static String basis(String basis) {
        if (basis == null || basis.isBlank() || basis.equals(Document.BUDGET)) return Document.BUDGET;
        if (basis.equals(Document.FINAL)) return Document.FINAL;
        throw new RuleViolation("报表类型应为 预算 或 决算，实际为 " + basis);
    }

    /** Derives and checks the document's current dataset (a department: its consolidation snapshot). */
    public Evaluation evaluate(Document d) {
        Agency a = agency(d.agencyCode());
        if (a.isDepartment()) return evaluateDepartment(a, d, d.datasetYaml());
        return budgets.evaluateUnit(a.code() + "-" + d.year() + (d.source().isWorkbook() ? ".xlsx" : ".yaml"), d.source());
    }

    @org.springframework.beans.factory.annotation.Autowired
    private ReferenceStore referenceStore;
    @org.springframework.beans.factory.annotation.Autowired
    private NotificationService notifications;
    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.db.repositories.SeverityRepository severities;

    /** The counts of a saved version's findings: computed once per version (and per severities and reference data in effect), then kept. */
    public record Counts(boolean readable, long errors, long warnings, long notices) {}

    private final java.util.Map<String, Counts> counts = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Counts> eldest) { return size() > 5_000; }
    });

    /**
     * The findings' counts of a document as saved, for lists (the reviewer's): derived and checked the first time this
     * version is listed, not on every view. A new save, consolidation or decision is a new row version; a changed check
     * severity or reference-data version, or last year's version published, is a new key too.
     */
    public Counts counts(Document d) {
        // last year's published version gives this year's 上年数: a new one (published since) is a new key too
        long lastYear = publications.current(d.agencyCode(), d.year() - 1).map(org.openbudget.web.db.repositories.Publication::id).orElse(0L);
        String key = d.id() + ":" + d.rowVersion() + ":" + severities.overrides().hashCode() + ":" + referenceStore.generation() + ":" + lastYear;
        Counts c = counts.get(key);
        if (c == null) {
            Evaluation e = evaluate(d);
            c = new Counts(e.readable(), e.readable() ? e.errors() : 0, e.readable() ? e.warnings() : 0, e.readable() ? e.notices() : 0);
            counts.put(key, c);
        }
        return c;
    }

    /** A department's document with another dataset of its own (its text edited), on the units it was consolidated from. */
    public Evaluation evaluateDepartment(Agency dept, Document d, String departmentYaml) {
        List<BudgetService.NamedSource> units = new ArrayList<>();
        for (ConsolidatedUnit cu : documents.consolidation(d.id())) units.add(new BudgetService.NamedSource(unitFile(cu), cu.source()));
        return budgets.evaluateDepartment(dept, d.year(), departmentYaml, units);
    }

    static String unitFile(ConsolidatedUnit cu) {
        return cu.unitCode() + (cu.source().isWorkbook() ? ".xlsx" : ".yaml");
    }

    /** Each unit of a department: its state, and whether the consolidation holds its current data. */
    public List<UnitState> unitStates(Agency dept, int year, Document deptDoc) {
        return unitStates(dept, year, deptDoc == null ? Document.BUDGET : deptDoc.basis(), deptDoc);
    }

    /** Each unit of a department: its document of the same basis (预算 or 决算). */
    public List<UnitState> unitStates(Agency dept, int year, String basis, Document deptDoc) {
        List<ConsolidatedUnit> snapshot = deptDoc == null ? List.of() : documents.consolidation(deptDoc.id());
        List<UnitState> out = new ArrayList<>();
        for (Agency unit : agencies.units(dept.code())) {
            Optional<Document> d = documents.find(unit.code(), year, basis);
            Optional<ConsolidatedUnit> in = snapshot.stream().filter(s -> s.unitCode().equals(unit.code())).findFirst();
            String problem = null;
            if (d.isEmpty()) problem = "缺失：该单位尚未填报 " + year + " 年" + basis;
            else if (!CONSOLIDATABLE.contains(d.get().status())) problem = "未提交：该单位" + basis + "状态为「" + d.get().status().label() + "」";
            else if (deptDoc != null && in.isEmpty()) problem = "未汇总：该单位已提交，但尚未纳入汇总，请重新汇总";
            else if (in.isPresent() && in.get().unitRowVersion() != d.get().rowVersion() && !sameData(in.get().source(), d.get().source()))
                problem = "已变更：该单位数据在汇总后有修改，请重新汇总";
            out.add(new UnitState(unit, d.map(Document::status).orElse(null), in.isPresent(), problem));
        }
        return out;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.db.repositories.CorrectionRepository corrections;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationEventPublisher events;

    /** A published department's page changed: it is now, or no longer, under correction. */
    public record CorrectionChanged(String agencyCode, int year) {}

    /**
     * A unit's data changes after its department was published with it (a correction started, or the unit returned):
     * the department's published version is marked as under correction until the department publishes again.
     */
    private void markDepartmentUnderCorrection(Agency unit, int year, String reason, String by) {
        markDepartmentUnderCorrection(unit, year, Document.BUDGET, reason, by);
    }

    /** The department's published document of the same basis (its 预算 or its 决算) is the one marked. */
    private void markDepartmentUnderCorrection(Agency unit, int year, String basis, String reason, String by) {
        if (unit.parentCode() == null || publications.current(unit.parentCode(), year, basis).isEmpty()) return;
        Optional<Document> dept = documents.find(unit.parentCode(), year, basis);
        if (dept.isEmpty() || documents.consolidation(dept.get().id()).stream().noneMatch(c -> c.unitCode().equals(unit.code()))) return;
        if (corrections.open(unit.parentCode(), year, basis, unit.code(), reason, by)) {
            audit.record(by, "部门更正中", unit.parentCode(), year, tag(basis) + unit.name() + "：" + reason);
            events.publishEvent(new CorrectionChanged(unit.parentCode(), year));
        }
    }

    /** The budget years that have classifications (built in or stored by the administrator). */
    public java.util.SortedSet<Integer> referenceYears() {
        return budgets.library().years();
    }

    /** The same dataset (a review decision changes a unit's row version, not its data). */
    static boolean sameData(Document.Source a, Document.Source b) {
        return java.util.Objects.equals(a.yaml(), b.yaml()) && java.util.Arrays.equals(a.xlsx(), b.xlsx());
    }

    /**
     * A department is approved and published only on approved units: each of its units approved or
     * published, consolidated as it is now. Otherwise a refusal naming each unit and its state.
     */
    private void requireUnitsApproved(Agency dept, int year, Document d, String what) {
        List<String> notYet = new ArrayList<>();
        for (UnitState s : unitStates(dept, year, d)) {
            if (s.problem() != null) notYet.add(s.unit().name() + "（" + s.problem() + "）");
            else if (s.status() != Status.APPROVED && s.status() != Status.PUBLISHED)
                notYet.add(s.unit().name() + "（" + (s.status() == null ? "缺失" : s.status().label()) + "）");
        }
        if (!notYet.isEmpty()) throw new RuleViolation("部门" + (d == null ? Document.BUDGET : d.basis()) + "不能" + what + "：其所属单位须先全部审核通过。尚未审核通过的单位：" + String.join("；", notYet));
    }

    // ---------------------------------------------------------------- the transition table, applied

    /** An action about to be taken: the agency, its document as read (null: none yet), and the table's row for it. */
    private record Step(Agency agency, int year, String basis, Document document, Transition transition) {
        Status to() { return transition.to(); }

        String recorded() { return transition.recorded(); }

        boolean correction() { return transition.has(Rule.CORRECTION); }
    }

    /** The parts the user plays for this agency; refused (403) when none of them takes this action, whatever the state. */
    private Set<Party> parties(BudgetUser u, Agency a, Action action) {
        Set<Party> parties = policy.parties(u, a);
        AccessPolicy.require(Transitions.takesPart(parties, action), action.label() + " " + a.name() + " 的文档");
        return parties;
    }

    /**
     * The table's transition for this action on the document as it is now: 404 when there is no document and the action
     * needs one, 409 when the document changed since {@code expectedVersion} was read, 422 from a state the table does not
     * allow it from.
     */
    private Step step(Set<Party> parties, Agency a, int year, String basis, Action action, Integer expectedVersion) {
        Optional<Document> d = documents.find(a.code(), year, basis);
        if (d.isPresent()) checkVersion(d.get(), expectedVersion);
        Status from = d.map(Document::status).orElse(null);
        Transition t = Transitions.find(parties, action, from).orElseThrow(() -> d.isEmpty()
                ? new NotFoundException(a.name() + " 没有 " + year + " 年的" + basis)
                : new RuleViolation(Transitions.refusal(parties, action, from)));
        return new Step(a, year, basis, d.orElse(null), t);
    }

    private Step step(BudgetUser u, String code, int year, String basis, Action action, Integer expectedVersion) {
        Agency a = agency(code);
        return step(parties(u, a, action), a, year, basis(basis), action, expectedVersion);
    }

    /**
     * What the step's row demands beyond the state: a comment, a department's units current or approved, no error among
     * the findings, a warning explained. {@code readable} looks at the document as read before its findings are
     * counted. Returns the comment, trimmed, and the evaluation (null when the row needs none).
     */
    private record Demanded(String comment, Evaluation evaluation) {}

    private String demand(Step s, String comment) {
        return demand(s, comment, e -> {}).comment();
    }

    private Demanded demand(Step s, String comment, java.util.function.Consumer<Evaluation> readable) {
        String c = comment == null ? "" : comment.trim();
        Transition t = s.transition();
        String what = t.action().label();
        if (t.has(Rule.COMMENT) && c.isEmpty()) throw new RuleViolation("退回时须填写退回意见。");
        if (s.agency().isDepartment() && t.has(Rule.UNITS_CURRENT)) {
            List<String> problems = unitStates(s.agency(), s.year(), s.basis(), s.document()).stream().filter(x -> x.problem() != null)
                    .map(x -> x.unit().name() + "：" + x.problem()).toList();
            if (!problems.isEmpty()) throw new RuleViolation("部门" + s.basis() + "不能" + what + "，以下单位有问题：" + String.join("；", problems));
        }
        if (s.agency().isDepartment() && t.has(Rule.UNITS_APPROVED)) requireUnitsApproved(s.agency(), s.year(), s.document(), what);
        Evaluation e = null;
        if (t.has(Rule.NO_ERRORS) || t.has(Rule.WARNINGS_EXPLAINED)) {
            e = evaluate(s.document());
            if (!e.readable()) throw new InvalidDatasetException(e.problems());
            readable.accept(e);
            if (t.has(Rule.NO_ERRORS) && e.errors() > 0)
                throw new RuleViolation("审核发现 " + e.errors() + " 条错误，错误须全部修正后才能" + what + "。");
            if (t.has(Rule.WARNINGS_EXPLAINED) && e.warnings() > 0 && c.isEmpty())
                throw new RuleViolation("审核发现 " + e.warnings() + " 条警告，" + what + "时须填写说明。");
        }
        return new Demanded(c, e);
    }

    /** The step's state written, with its comments, under the lock of the version read. */
    private Document write(Step s, BudgetUser u, Integer expectedVersion, String submitComment, String reviewComment) {
        Document d = s.document();
        return documents.update(d, expectedVersion, s.to(), d.datasetYaml(), d.profileId(), submitComment, reviewComment, u.username());
    }

    // ---------------------------------------------------------------- preparing

    /**
     * Saves a unit's dataset (uploaded or edited). An unreadable dataset is refused whole with every
     * problem located; a dataset of another unit or year is refused too. Saving a submitted
     * document is refused; saving an approved or published one starts a correction (a new draft).
     */
    @Transactional
    public Document saveDataset(BudgetUser u, String code, int year, String fileName, String yaml, Integer expectedVersion) {
        return saveDataset(u, code, year, fileName, Document.Source.yaml(yaml), expectedVersion);
    }

    /** Saves a unit's dataset: YAML text or an Excel workbook. */
    @Transactional
    public Document saveDataset(BudgetUser u, String code, int year, String fileName, Document.Source source, Integer expectedVersion) {
        return saveDataset(u, code, year, Document.BUDGET, fileName, source, expectedVersion);
    }

    /** Saves a unit's 预算 or 决算 dataset: a dataset of the other basis is refused at its {@code basis}. */
    @Transactional
    public Document saveDataset(BudgetUser u, String code, int year, String basis, String fileName, Document.Source source, Integer expectedVersion) {
        basis = basis(basis);
        Agency a = agency(code);
        Set<Party> parties = parties(u, a, Action.SAVE);
        Evaluation e = budgets.evaluateUnit(fileName, source);
        if (!e.readable()) throw new InvalidDatasetException(e.problems());
        List<InputProblem> wrong = new ArrayList<>();
        if (!e.budget().agency().code().equals(code)) {
            wrong.add(located(fileName, source, "agency", "agency_code", "单位代码应为 " + code + "（" + a.name() + "），实际为 " + e.budget().agency().code()));
        } else {
            // the name and type are the registry's: a dataset cannot publish under another name or as another kind of unit
            if (!e.budget().agency().name().strip().equals(a.name().strip()))
                wrong.add(located(fileName, source, "agency", "agency_name", "单位名称应为登记的“" + a.name() + "”，实际为“" + e.budget().agency().name()
                        + "”（名称以系统管理员登记的为准）"));
            String type = e.budget().agency().type() == null ? "" : e.budget().agency().type().label();
            if (!type.equals(a.type()))
                wrong.add(located(fileName, source, "agency", "agency_type", "单位性质应为登记的“" + a.type() + "”，实际为“" + type + "”"));
        }
        if (e.budget().year() != year) {
            wrong.add(located(fileName, source, null, "budget_year", "预算年度应为 " + year + "，实际为 " + e.budget().year()));
        }
        if (!e.budget().basis().equals(basis)) {
            wrong.add(located(fileName, source, null, "basis", "这里保存" + basis + "，而数据集是" + e.budget().basis()
                    + (basis.equals(Document.FINAL) ? "（决算数据集写 basis: 决算，工作簿的报表类型为决算）" : "（请在" + e.budget().basis() + "页面保存）")));
        } else {
            regionProfiles.mismatch(a, year, basis, e.budget().profileId(), fileName, source).ifPresent(wrong::add);
        }
        if (!wrong.isEmpty()) throw new InvalidDatasetException(wrong);
        Step s = step(parties, a, year, basis, Action.SAVE, expectedVersion);
        Document saved;
        if (s.document() == null) {
            try {
                saved = documents.create(code, year, basis, s.to(), source, e.budget().profileId(), u.username());
            } catch (org.springframework.dao.DuplicateKeyException race) {
                throw DocumentRepository.conflict(documents.find(code, year, basis).orElseThrow());
            }
        } else {
            Document d = s.document();
            saved = documents.update(d, expectedVersion, s.to(), source, e.budget().profileId(), null, d.reviewComment(), u.username());
        }
        audit.record(u.username(), s.recorded(), code, year, tag(basis) + fileName + "：错误 " + e.errors() + "，警告 " + e.warnings() + "，提示 " + e.notices()
                + (s.correction() ? "（更正：新草稿）" : ""));
        if (s.transition().has(Rule.MARKS_DEPARTMENT)) markDepartmentUnderCorrection(a, year, basis, "该单位开始更正其" + basis + "数据", u.username());
        return saved;
    }

    private static void checkVersion(Document d, Integer expected) {
        if (expected == null || expected != d.rowVersion()) throw DocumentRepository.conflict(d);
    }

    /** A problem at the line of a field of the dataset (the reader could read it, so the node exists). */
    private static InputProblem located(String file, Document.Source source, String parent, String field, String message) {
        if (source.isWorkbook()) return new InputProblem(file, 0, "单位信息 " + switch (field) {
            case "agency_code" -> "单位代码";
            case "agency_name" -> "单位名称";
            case "agency_type" -> "单位性质";
            case "basis" -> "报表类型";
            default -> "预算年度";
        }, message);
        try {
            YamlNode root = YamlNode.parse(file, source.yaml());
            YamlNode n = parent == null ? root.require(field) : root.require(parent).require(field);
            return n.problem(message);
        } catch (RuntimeException ex) {
            return new InputProblem(file, 0, parent == null ? field : parent + "." + field, message);
        }
    }

    /** The unit's dataset as an Excel workbook: the one uploaded, or the current data written as one. */
    public byte[] workbook(BudgetUser u, String code, int year) {
        return workbook(u, code, year, Document.BUDGET);
    }

    public byte[] workbook(BudgetUser u, String code, int year, String basis) {
        Agency a = agency(code);
        String b = basis(basis);
        AccessPolicy.require(policy.canRead(u, a) && !a.isDepartment(), "下载 " + a.name() + " 的工作簿");
        Document d = documents.find(code, year, b).orElseThrow(() -> new NotFoundException(a.name() + " 没有 " + year + " 年的" + b));
        if (d.source().isWorkbook()) return d.datasetXlsx();
        Evaluation e = evaluate(d);
        if (!e.readable()) throw new RuleViolation("数据集有错误，无法导出工作簿");
        return budgets.workbook(e.budget());
    }

    /** A blank workbook for the unit and year, to fill in Excel and upload. */
    public byte[] blankWorkbook(BudgetUser u, String code, int year) {
        return blankWorkbook(u, code, year, Document.BUDGET);
    }

    /**
     * A blank workbook for the unit, year and basis. A 决算's takes the year's 预算 as its 年初预算数 (and projects): the
     * unit's 预算 document when it reads, so the 决算's 预算数 columns and 完成率 are the budget's.
     */
    public byte[] blankWorkbook(BudgetUser u, String code, int year, String basis) {
        Agency a = agency(code);
        AccessPolicy.require(policy.canPrepare(u, a), "下载 " + a.name() + " 的空白工作簿");
        if (!Document.FINAL.equals(basis(basis))) return budgets.blankWorkbook(a, year);
        org.openbudget.core.ledger.Budget budgeted = documents.find(code, year, Document.BUDGET).map(this::evaluate)
                .filter(Evaluation::readable).map(Evaluation::budget).orElse(null);
        return budgets.blankFinalWorkbook(a, year, regionProfiles.profileFor(a, year, Document.FINAL), budgeted);
    }

    /** The audit trail's mark of a 决算's entries (a year's two documents share one trail). */
    static String tag(String basis) {
        return Document.FINAL.equals(basis) ? "【决算】" : "";
    }

    // ---------------------------------------------------------------- consolidating

    /**
     * Consolidates the department's units that have submitted (or were approved or published);
     * the others are reported in the returned states, never silently left out.
     */
    @Transactional
    public List<UnitState> consolidate(BudgetUser u, String code, int year, Integer expectedVersion) {
        return consolidate(u, code, year, Document.BUDGET, expectedVersion);
    }

    /** Consolidates the units' documents of one basis (a department's 决算 is its units' 决算). */
    @Transactional
    public List<UnitState> consolidate(BudgetUser u, String code, int year, String basis, Integer expectedVersion) {
        Agency dept = agency(code);
        Step s = step(u, code, year, basis, Action.CONSOLIDATE, expectedVersion);
        basis = s.basis();
        List<ConsolidatedUnit> snapshot = new ArrayList<>();
        List<String> left = new ArrayList<>();
        String profile = regionProfiles.profileFor(dept, year, basis);
        for (Agency unit : agencies.units(code)) {
            Optional<Document> d = documents.find(unit.code(), year, basis);
            if (d.isPresent() && CONSOLIDATABLE.contains(d.get().status())) {
                snapshot.add(new ConsolidatedUnit(unit.code(), d.get().rowVersion(), d.get().source()));
            } else {
                left.add(unit.name());
            }
        }
        if (snapshot.isEmpty()) throw new RuleViolation("没有已提交的单位，无法汇总。未提交：" + String.join("、", left));
        Optional<Document> existing = Optional.ofNullable(s.document());
        Document doc;
        String yaml = existing.map(Document::datasetYaml).filter(y -> y != null && !y.isBlank())
                .map(y -> withProfile(withUnits(y, snapshot), profile)).orElseGet(() -> departmentYaml(dept, year, s.basis(), profile, snapshot));
        if (existing.isEmpty()) {
            doc = documents.create(code, year, basis, s.to(), Document.Source.yaml(yaml), profile, u.username());
        } else {
            doc = documents.update(existing.get(), expectedVersion, s.to(), yaml, profile, null, existing.get().reviewComment(), u.username());
        }
        documents.replaceConsolidation(doc.id(), snapshot);
        audit.record(u.username(), s.recorded(), code, year, tag(basis) + "汇总 " + snapshot.size() + " 个单位" + (left.isEmpty() ? "" : "；未纳入（未提交或缺失）：" + String.join("、", left)));
        return unitStates(dept, year, basis, doc);
    }

    /**
     * The department's own dataset with its {@code units:} list replaced by the consolidated units'
     * files (its agency and its text part — 第一部分, reasons, project texts … — are kept).
     */
    static String withUnits(String departmentYaml, List<ConsolidatedUnit> units) {
        StringBuilder list = new StringBuilder("units:\n");
        for (ConsolidatedUnit u : units) list.append("  - ").append(unitFile(u)).append('\n');
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^units:[^\n]*\n(?:(?:[ \t]+[^\n]*|[ \t]*#[^\n]*|-[^\n]*|[ \t]*)\n)*")
                .matcher(departmentYaml);
        if (m.find()) return departmentYaml.substring(0, m.start()) + list + "\n" + departmentYaml.substring(m.end());
        return departmentYaml.endsWith("\n") ? departmentYaml + list : departmentYaml + "\n" + list;
    }

    /** The dataset with its {@code profile:} line naming the profile given (a comment after it stays). */
    static String withProfile(String yaml, String profile) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^profile:[ \\t]*[^\\s#]*").matcher(yaml);
        if (m.find()) return yaml.substring(0, m.start()) + "profile: " + profile + yaml.substring(m.end());
        return "profile: " + profile + "\n" + yaml;
    }

    /** The department's own dataset file (docs/dataset.md, "A department dataset"), naming its units' files. */
    static String departmentYaml(Agency dept, int year, String profile, List<ConsolidatedUnit> units) {
        return departmentYaml(dept, year, Document.BUDGET, profile, units);
    }

    static String departmentYaml(Agency dept, int year, String basis, String profile, List<ConsolidatedUnit> units) {
        StringBuilder b = new StringBuilder();
        b.append("format: budget-dataset/1\n");
        if (Document.FINAL.equals(basis)) b.append("basis: 决算\n");
        b.append("budget_year: ").append(year).append("\nprofile: ").append(profile).append('\n');
        b.append("agency:\n  agency_code: \"").append(dept.code()).append("\"\n  agency_name: \"").append(dept.name().replace("\"", "\\\""))
                .append("\"\n  agency_kind: 部门\n  agency_type: ").append(dept.type()).append("\nunits:\n");
        for (ConsolidatedUnit u : units) b.append("  - ").append(unitFile(u)).append('\n');
        return b.toString();
    }

    /**
     * Saves a department's own dataset — its text part edited (第一部分, reasons, notes, project texts,
     * 整体绩效目标 …) — read with the units it was consolidated from; refused whole when it does not read.
     * Its {@code units:} stay those of the consolidation, and a new consolidation keeps this text.
     */
    @Transactional
    public Document saveDepartmentDataset(BudgetUser u, String code, int year, String yaml, Integer expectedVersion, String what) {
        return saveDepartmentDataset(u, code, year, Document.BUDGET, yaml, expectedVersion, what);
    }

    @Transactional
    public Document saveDepartmentDataset(BudgetUser u, String code, int year, String basis, String yaml, Integer expectedVersion, String what) {
        Agency dept = agency(code);
        basis = basis(basis);
        Set<Party> parties = parties(u, dept, Action.EDIT_TEXT);
        if (documents.find(code, year, basis).isEmpty()) throw new RuleViolation("请先汇总已提交的单位，再填写部门" + basis + "的文字部分。");
        Step s = step(parties, dept, year, basis, Action.EDIT_TEXT, expectedVersion);
        Document d = s.document();
        Evaluation e = evaluateDepartment(dept, d, yaml);
        if (!e.readable()) throw new InvalidDatasetException(e.problems());
        Document out = documents.update(d, expectedVersion, s.to(), yaml, d.profileId(), null, d.reviewComment(), u.username());
        audit.record(u.username(), s.recorded(), code, year, tag(basis) + what + "：错误 " + e.errors() + "，警告 " + e.warnings() + "，提示 " + e.notices()
                + (s.correction() ? "（更正：新草稿）" : ""));
        return out;
    }

    // ---------------------------------------------------------------- submitting and reviewing

    /** An error blocks submission; a warning needs a comment; a department needs all its units, current. */
    @Transactional
    public Document submit(BudgetUser u, String code, int year, Integer expectedVersion, String comment) {
        return submit(u, code, year, Document.BUDGET, expectedVersion, comment);
    }

    @Transactional
    public Document submit(BudgetUser u, String code, int year, String basis, Integer expectedVersion, String comment) {
        Step s = step(u, code, year, basis, Action.SUBMIT, expectedVersion);
        Agency a = s.agency();
        Document d = s.document();
        Demanded dm = demand(s, comment, e -> regionProfiles.require(a, year, s.basis(), e.budget().profileId(),
                a.isDepartment() ? "dataset.yaml" : a.code() + "-" + year + (d.source().isWorkbook() ? ".xlsx" : ".yaml"),
                a.isDepartment() ? Document.Source.yaml(d.datasetYaml()) : d.source()));
        String c = dm.comment();
        Evaluation e = dm.evaluation();
        Document out = write(s, u, expectedVersion, c, d.reviewComment());
        audit.record(u.username(), s.recorded(), code, year, tag(s.basis()) + "警告 " + e.warnings() + "，提示 " + e.notices() + (c.isEmpty() ? "" : "；说明：" + c));
        return out;
    }

    /** Refuses (403) anyone who takes no part in this action on this agency's documents. */
    public void requireParty(BudgetUser u, String code, Action action) {
        parties(u, agency(code), action);
    }

    /** The preparer (or the department, for its own) takes back a submission not yet decided: a draft again. */
    @Transactional
    public Document withdraw(BudgetUser u, String code, int year, Integer expectedVersion) {
        return withdraw(u, code, year, Document.BUDGET, expectedVersion);
    }

    @Transactional
    public Document withdraw(BudgetUser u, String code, int year, String basis, Integer expectedVersion) {
        Step s = step(u, code, year, basis, Action.WITHDRAW, expectedVersion);
        Document out = write(s, u, expectedVersion, s.document().submitComment(), s.document().reviewComment());
        audit.record(u.username(), s.recorded(), code, year, tag(s.basis()) + "");
        return out;
    }

    /** A department returns one of its units' submissions (with a comment) before consolidating it. */
    @Transactional
    public Document returnByDepartment(BudgetUser u, String code, int year, Integer expectedVersion, String comment) {
        return returnByDepartment(u, code, year, Document.BUDGET, expectedVersion, comment);
    }

    @Transactional
    public Document returnByDepartment(BudgetUser u, String code, int year, String basis, Integer expectedVersion, String comment) {
        Step s = step(u, code, year, basis, Action.DEPARTMENT_RETURN, expectedVersion);
        String c = demand(s, comment);
        Document out = write(s, u, expectedVersion, s.document().submitComment(), "主管部门：" + c);
        audit.record(u.username(), s.recorded(), code, year, tag(s.basis()) + c);
        notifications.decided(s.agency(), year, "returned", u.username(),
                s.agency().name() + " " + year + " 年" + s.basis() + "被主管部门退回：" + c);
        return out;
    }

    @Transactional
    public Document returnDocument(BudgetUser u, String code, int year, Integer expectedVersion, String comment) {
        return returnDocument(u, code, year, Document.BUDGET, expectedVersion, comment);
    }

    @Transactional
    public Document returnDocument(BudgetUser u, String code, int year, String basis, Integer expectedVersion, String comment) {
        Step s = step(u, code, year, basis, Action.RETURN, expectedVersion);
        String c = demand(s, comment);
        Document out = write(s, u, expectedVersion, s.document().submitComment(), c);
        audit.record(u.username(), s.recorded(), code, year, tag(s.basis()) + c);
        notifications.decided(s.agency(), year, "returned", u.username(), s.agency().name() + " " + year + " 年" + s.basis() + "被财政局退回：" + c);
        if (s.transition().has(Rule.MARKS_DEPARTMENT) && !s.agency().isDepartment())
            markDepartmentUnderCorrection(s.agency(), year, s.basis(), "该单位的" + s.basis() + "被退回修改", u.username());
        return out;
    }

    @Transactional
    public Document approve(BudgetUser u, String code, int year, Integer expectedVersion, String comment) {
        return approve(u, code, year, Document.BUDGET, expectedVersion, comment);
    }

    @Transactional
    public Document approve(BudgetUser u, String code, int year, String basis, Integer expectedVersion, String comment) {
        Step s = step(u, code, year, basis, Action.APPROVE, expectedVersion);
        String c = demand(s, comment);
        Document out = write(s, u, expectedVersion, s.document().submitComment(), c);
        audit.record(u.username(), s.recorded(), code, year, tag(s.basis()) + c);
        notifications.decided(s.agency(), year, "approved", u.username(),
                s.agency().name() + " " + year + " 年" + s.basis() + "已审核通过" + (c.isEmpty() ? "" : "：" + c));
        return out;
    }

    /** Freezes the approved document as its first published version. */
    @Transactional
    public Publication publish(BudgetUser u, String code, int year, Integer expectedVersion) {
        return publish(u, code, year, expectedVersion, null);
    }

    /**
     * Freezes the approved document as a new published version, superseding the current one: a correction, published with
     * its public reason (required then).
     */
    @Transactional
    public Publication publish(BudgetUser u, String code, int year, Integer expectedVersion, String correctionReason) {
        return publish(u, code, year, Document.BUDGET, expectedVersion, correctionReason);
    }

    @Transactional
    public Publication publish(BudgetUser u, String code, int year, String basis, Integer expectedVersion, String correctionReason) {
        Step s = step(u, code, year, basis, Action.PUBLISH, expectedVersion);
        Evaluation e = demand(s, null, x -> {}).evaluation();
        Publication p = publishNow(s.agency(), s.document(), e, u.username(), correctionReason);
        write(s, u, expectedVersion, s.document().submitComment(), s.document().reviewComment());
        audit.record(u.username(), s.recorded(), code, year, tag(s.basis()) + "第 " + p.versionNo() + " 版，内容哈希 " + p.contentHash()
                + (p.correctionReason() == null ? "" : "；更正说明：" + p.correctionReason()));
        notifications.decided(s.agency(), year, "published", u.username(), s.agency().name() + " " + year + " 年" + s.basis() + "已发布（第 " + p.versionNo() + " 版）");
        return p;
    }

    /** Renders and stores a version (also used to load the demo data). */
    Publication publishNow(Agency a, Document d, String by) {
        return publishNow(a, d, evaluate(d), by, null);
    }

    private Publication publishNow(Agency a, Document d, Evaluation e, String by, String correctionReason) {
        if (!e.readable() || e.errors() > 0) throw new RuleViolation("审核发现错误，不能发布。");
        // what is published is a clean copy, never the file as uploaded: values only — no comment, note, formula or hyperlink
        List<DocumentFormat.DatasetFile> files = new ArrayList<>();
        if (a.isDepartment()) {
            files.add(DocumentFormat.DatasetFile.yaml("dataset.yaml", BudgetService.withoutCommentLines(d.datasetYaml())));
            for (ConsolidatedUnit cu : documents.consolidation(d.id())) files.add(budgets.cleanCopy(unitFile(cu), cu.source()));
        } else {
            files.add(budgets.cleanCopy(d.source().isWorkbook() ? "dataset.xlsx" : "dataset.yaml", d.source()));
        }
        Publication p = publisher.publish(a, e, files, by, correctionReason);
        if (a.isDepartment() && corrections.resolve(a.code(), d.year(), d.basis()) > 0) events.publishEvent(new CorrectionChanged(a.code(), d.year()));
        return p;
    }

    // ---------------------------------------------------------------- views

    public record UnitState(Agency unit, Status status, boolean consolidated, String problem) {}

    /**
     * A document as its reader sees it, with the parts the reader plays for it and what the transition table lets
     * them do now ({@link #can}: the buttons a page shows, the REST API's {@code actions}).
     */
    public record DocumentView(Agency agency, int year, Document document, Evaluation evaluation, List<UnitState> units,
                               List<Publication> versions, List<AuditLogRepository.Entry> history,
                               Set<Party> parties, Set<Action> actions, String basis) {
        public DocumentView(Agency agency, int year, Document document, Evaluation evaluation, List<UnitState> units,
                            List<Publication> versions, List<AuditLogRepository.Entry> history, Set<Party> parties, Set<Action> actions) {
            this(agency, year, document, evaluation, units, versions, history, parties, actions, Document.BUDGET);
        }

        /** The address segment of this document: 2024, or 2024-final for the 决算. */
        public String key() { return DocumentKey.of(year, basis).path(); }

        /** This view is of the year's 决算 (final accounts), not its 预算. */
        public boolean isFinal() { return Document.FINAL.equals(basis); }

        public boolean can(Action a) { return actions.contains(a); }

        /** For the templates: {@code v.can('SUBMIT')}. */
        public boolean can(String action) { return can(Action.valueOf(action)); }

        /** The reader edits this document's data or text now (a unit's dataset; a department's own text). */
        public boolean canEdit() { return can(Action.SAVE) || can(Action.EDIT_TEXT); }

        /** Saving now starts a correction of an approved or published document. */
        public boolean editStartsCorrection() {
            Status from = document == null ? null : document.status();
            return java.util.stream.Stream.of(Action.SAVE, Action.EDIT_TEXT, Action.CONSOLIDATE)
                    .anyMatch(a -> Transitions.find(parties, a, from).map(t -> t.has(Rule.CORRECTION)).orElse(false));
        }
    }
}
