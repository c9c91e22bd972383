package org.openbudget.io.refdata;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.classification.Classification;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/**
 * Loads reference data (classifications and funding sources per budget year) and template
 * profiles. Built-in data ships on the classpath under {@code refdata/}; a finance bureau drops
 * its official lists into a directory of the same layout ({@code --refdata DIR} or the
 * {@code BUDGET_REFDATA} environment variable), whose files take precedence. An {@link Overlay}
 * (the web application's database: lists and profiles uploaded by the administrator) takes
 * precedence over both; when its generation changes, what was parsed is forgotten.
 */
public final class ReferenceLibrary {
    /** First and last budget year looked for among the files. */
    static final int FIRST_YEAR = 2000, LAST_YEAR = 2099;
    private static final Set<String> BUDGETS = Set.of(FundingSource.GPB_BUDGET, FundingSource.GFB_BUDGET, FundingSource.SOC_BUDGET, "财政专户", "单位资金");

    /** The three lists of a budget year, as files of {@code refdata/classifications/YEAR/}. */
    public enum ListKind {
        FUNCTIONAL("functional", "支出功能分类"), ECONOMIC("economic", "支出经济分类"), FUNDING_SOURCES("funding-sources", "资金来源");

        private final String id;
        private final String label;

        ListKind(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() { return id; }
        public String label() { return label; }
        public String fileName() { return id + ".csv"; }
        /** A classification (功能分类, 经济分类) may be declared complete; the funding sources may not. */
        public boolean classification() { return this != FUNDING_SOURCES; }

        public static Optional<ListKind> of(String id) {
            return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
        }
    }

    /**
     * A list's text: the CSV, whether it is the complete official list (an unknown code is then an
     * error, not a notice), where it comes from; {@code file} names it in messages.
     */
    public record ListText(String file, String csv, boolean complete, String source) {}

    /** A template profile's YAML; {@code file} names it in messages. */
    public record ProfileText(String file, String yaml) {}

    /**
     * Reference data kept elsewhere that takes precedence over the files. The library asks for the
     * generation first, outside its lock, at every entry; the other methods may be called while the
     * library is locked, so they answer from memory (what the last {@code generation()} saw).
     */
    public interface Overlay {
        /** Changes whenever the content changes; may consult its store (it is called outside the library's lock). */
        long generation();
        Optional<ListText> list(int year, ListKind kind);
        Optional<ProfileText> profile(String id);
        /** Years with at least one list. */
        Set<Integer> years();
        Set<String> profileIds();
    }

    private static final Overlay NONE = new Overlay() {
        @Override public long generation() { return 0; }
        @Override public Optional<ListText> list(int year, ListKind kind) { return Optional.empty(); }
        @Override public Optional<ProfileText> profile(String id) { return Optional.empty(); }
        @Override public Set<Integer> years() { return Set.of(); }
        @Override public Set<String> profileIds() { return Set.of(); }
    };

    private final Path overrideDir;
    private final Overlay overlay;
    private long generation;
    private final Map<Integer, ReferenceData> years = new HashMap<>();
    private final Map<String, TemplateProfile> profiles = new HashMap<>();
    private SortedSet<Integer> fileYears;
    private SortedSet<String> fileProfiles;

    public ReferenceLibrary(Path overrideDir) {
        this(overrideDir, NONE);
    }

    public ReferenceLibrary(Path overrideDir, Overlay overlay) {
        this.overrideDir = overrideDir;
        this.overlay = overlay == null ? NONE : overlay;
        this.generation = Long.MIN_VALUE;
    }

    /** Built-in data, overridden by BUDGET_REFDATA when set. */
    public static ReferenceLibrary standard() {
        return new ReferenceLibrary(environmentDir());
    }

    /** The directory named by BUDGET_REFDATA, or null. */
    public static Path environmentDir() {
        String env = System.getenv("BUDGET_REFDATA");
        return env == null || env.isBlank() ? null : Path.of(env);
    }

    public ReferenceData year(int year) {
        long g = overlay.generation();
        synchronized (this) {
            sync(g);
            int y = referenceYear(year);
            return years.computeIfAbsent(y, this::loadYear);
        }
    }

    /**
     * The year whose classification lists serve a budget year: its own when there are lists for it,
     * else the latest earlier year that has them (units prepare next year's budget before the ministry
     * publishes next year's lists), else the earliest there is. The checks say so in a notice.
     */
    public int referenceYear(int year) {
        if (hasYear(year)) return year;
        SortedSet<Integer> all = years();
        if (all.isEmpty()) return year;
        SortedSet<Integer> earlier = all.headSet(year);
        return earlier.isEmpty() ? all.first() : earlier.last();
    }

    /**
     * The profile of a template family (a profile id without its year) for a year: {@code family-year} when there is one,
     * else the family's latest earlier year, else its earliest; empty when the family has no profile.
     */
    public Optional<String> profileFor(String family, int year) {
        String exact = family + "-" + year;
        if (hasProfile(exact)) return Optional.of(exact);
        java.util.TreeMap<Integer, String> byYear = new java.util.TreeMap<>();
        for (String id : profileIds()) {
            if (!id.startsWith(family + "-")) continue;
            String tail = id.substring(family.length() + 1);
            if (tail.matches("\\d{4}")) byYear.put(Integer.parseInt(tail), id);
        }
        if (byYear.isEmpty()) return Optional.empty();
        var earlier = byYear.headMap(year, false);
        return Optional.of(earlier.isEmpty() ? byYear.firstEntry().getValue() : earlier.lastEntry().getValue());
    }

    public boolean hasYear(int year) {
        long g = overlay.generation();
        synchronized (this) {
            sync(g);
            if (years.containsKey(year)) return true; // already read: no need to read its files again
        }
        return read(indexFile(year)).isPresent() || Arrays.stream(ListKind.values()).allMatch(k -> overlay.list(year, k).isPresent());
    }

    /** The overlay's generation: it changes whenever the administrator's lists or profiles do. */
    public long generation() {
        return overlay.generation();
    }

    public TemplateProfile profile(String id) {
        long g = overlay.generation();
        synchronized (this) {
            sync(g);
            return profiles.computeIfAbsent(id, k -> {
                ProfileText p = profileText(k).orElseThrow(() -> new InputException("refdata/profiles/" + k + ".yaml", 0, "profile",
                        "找不到模板 " + k + " (no template profile with this id)"));
                return ProfileReader.read(p.file(), p.yaml(), this::profileText, measures());
            });
        }
    }

    private final Map<String, ProfileReader.Head> heads = new HashMap<>();

    /**
     * The profile's head — id, year, basis and {@code detect:} — without reading its tables and text
     * ({@link ProfileReader#head}); from the profile itself when it is already read.
     */
    public ProfileReader.Head profileHead(String id) {
        long g = overlay.generation();
        synchronized (this) {
            sync(g);
            TemplateProfile whole = profiles.get(id);
            if (whole != null) return new ProfileReader.Head(whole.id(), whole.year(), whole.meta().basis(), whole.meta().detect());
            return heads.computeIfAbsent(id, k -> {
                ProfileText p = profileText(k).orElseThrow(() -> new InputException("refdata/profiles/" + k + ".yaml", 0, "profile",
                        "找不到模板 " + k + " (no template profile with this id)"));
                return ProfileReader.head(p.file(), p.yaml(), this::profileText);
            });
        }
    }

    private org.openbudget.core.measure.MeasureDictionary measures;
    private static volatile org.openbudget.core.measure.MeasureDictionary builtInMeasures;

    /** The built-in dictionary of measures (refdata/measures.yaml on the classpath), read once. */
    public static org.openbudget.core.measure.MeasureDictionary builtInMeasures() {
        if (builtInMeasures == null) builtInMeasures = new ReferenceLibrary(null).measures();
        return builtInMeasures;
    }

    private static volatile org.openbudget.core.profile.PerformanceLabels nationalPerformanceLabels;

    /**
     * The 绩效目标表's labels of the built-in national profile (national-2016's {@code text.performance_labels}), read once:
     * the words a page uses for the table where no template is chosen.
     */
    public static org.openbudget.core.profile.PerformanceLabels nationalPerformanceLabels() {
        if (nationalPerformanceLabels == null) {
            nationalPerformanceLabels = new ReferenceLibrary(null).profile("national-2016").text().performanceLabels();
        }
        return nationalPerformanceLabels;
    }

    /** The dictionary of measures (refdata/measures.yaml: the override directory's, else the built-in one). */
    public synchronized org.openbudget.core.measure.MeasureDictionary measures() {
        if (measures == null) {
            String text = read("measures.yaml").orElseThrow(() -> new InputException("refdata/measures.yaml", 0, "",
                    "找不到度量字典 measures.yaml (the dictionary of measures is missing)"));
            org.openbudget.core.measure.MeasureDictionary d = MeasureReader.dictionary("refdata/measures.yaml", text);
            if (d.allStatements().isEmpty() || d.statements(org.openbudget.core.measure.Statement.OVERVIEW).isEmpty()) {
                // an override dictionary keeps the built-in statements of each block kind it declares none of (the walker
                // writes by them: one with no statements at all, or one written before 第一部分's overview was declared)
                try (java.io.InputStream in = ReferenceLibrary.class.getResourceAsStream("/refdata/measures.yaml")) {
                    if (in != null) {
                        List<org.openbudget.core.measure.Statement> all = new java.util.ArrayList<>(d.allStatements());
                        java.util.Set<String> declared = new java.util.HashSet<>();
                        for (org.openbudget.core.measure.Statement st : all) declared.add(st.block());
                        for (org.openbudget.core.measure.Statement st : MeasureReader.dictionary("refdata/measures.yaml",
                                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).allStatements()) {
                            if (!declared.contains(st.block())) all.add(st);
                        }
                        d = new org.openbudget.core.measure.MeasureDictionary(d.all(), all);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            measures = d;
        }
        return measures;
    }

    private TemplateFamilies families;

    /** The template families taken when nothing chooses one (refdata/templates.yaml: the override directory's, else the built-in one). */
    public synchronized TemplateFamilies families() {
        if (families == null) {
            String text = read("templates.yaml").orElseThrow(() -> new InputException("refdata/templates.yaml", 0, "",
                    "找不到模板系列设置 templates.yaml (the default template families are missing)"));
            families = TemplateFamilies.read("refdata/templates.yaml", text);
        }
        return families;
    }

    /**
     * The profile a document of this basis and year takes when nothing names one: the default family's
     * ({@link #families()}) of that year, else its latest earlier one ({@link #profileFor}); {@code family-YEAR}
     * when the family has no profile at all (loading it then says it is missing).
     */
    public String defaultProfile(String basis, int year) {
        String family = families().defaultFamily(basis);
        return profileFor(family, year).orElse(family + "-" + year);
    }

    private org.openbudget.core.score.Rubric rubric;

    /** The scoring rubric of the inspection's dimensions (refdata/scoring.yaml: the override directory's, else the built-in one). */
    public synchronized org.openbudget.core.score.Rubric rubric() {
        if (rubric == null) {
            String text = read("scoring.yaml").orElseThrow(() -> new InputException("refdata/scoring.yaml", 0, "",
                    "找不到评分规则 scoring.yaml (the scoring rubric is missing)"));
            rubric = RubricReader.read("refdata/scoring.yaml", text);
        }
        return rubric;
    }

    private org.openbudget.core.compare.CompareRules compareRules;

    /** What the comparison of a 预算 with its 决算 flags (refdata/comparison.yaml: the override directory's, else the built-in one). */
    public synchronized org.openbudget.core.compare.CompareRules compareRules() {
        if (compareRules == null) {
            compareRules = read("comparison.yaml")
                    .map(text -> CompareRulesReader.read("refdata/comparison.yaml", text, measures()))
                    .orElse(org.openbudget.core.compare.CompareRules.DEFAULT);
        }
        return compareRules;
    }

    public boolean hasProfile(String id) {
        long g = overlay.generation();
        synchronized (this) {
            sync(g);
            if (profiles.containsKey(id)) return true; // already read: no need to read its file again
        }
        return profileText(id).isPresent();
    }

    /** The profile's YAML in effect: the overlay's, else the file. */
    public Optional<ProfileText> profileText(String id) {
        overlay.generation();
        Optional<ProfileText> o = overlay.profile(id);
        return o.isPresent() ? o : builtInProfile(id);
    }

    /** The profile's file (override directory, else built-in), ignoring the overlay. */
    public Optional<ProfileText> builtInProfile(String id) {
        if (!id.matches("[A-Za-z0-9_.-]+")) return Optional.empty();
        String rel = "profiles/" + id + ".yaml";
        return read(rel).map(t -> new ProfileText("refdata/" + rel, t));
    }

    /** A list in effect: the overlay's, else the file's (with the index's complete and source). */
    public Optional<ListText> listText(int year, ListKind kind) {
        overlay.generation();
        Optional<ListText> o = overlay.list(year, kind);
        return o.isPresent() ? o : builtInList(year, kind);
    }

    /** A list's file (override directory, else built-in) with the year index's complete and source, ignoring the overlay. */
    public Optional<ListText> builtInList(int year, ListKind kind) {
        Optional<String> indexText = read(indexFile(year));
        if (indexText.isEmpty()) return Optional.empty();
        String base = "classifications/" + year + "/";
        if (kind == ListKind.FUNDING_SOURCES) {
            return read(base + kind.fileName()).map(t -> new ListText("refdata/" + base + kind.fileName(), t, false, ""));
        }
        YamlNode spec = YamlNode.parse("refdata/" + indexFile(year), indexText.get()).require(kind.id());
        String file = base + spec.string("file");
        return read(file).map(t -> new ListText("refdata/" + file, t, spec.bool("complete", false), spec.optString("source").orElse("")));
    }

    /** The budget years that can be read (files, or all three lists in the overlay). */
    public SortedSet<Integer> years() {
        overlay.generation();
        SortedSet<Integer> out = new TreeSet<>(fileYears());
        for (int y : overlay.years()) if (hasYear(y)) out.add(y);
        return out;
    }

    /**
     * The whole catalogue of checks this library's documents are checked against: the generic checks
     * and every profile's checks between its tables, by id (a profile that cannot be read is left out:
     * loading it says why).
     */
    public List<org.openbudget.core.check.Check> checks() {
        Map<String, org.openbudget.core.check.Check> byId = new java.util.LinkedHashMap<>();
        for (org.openbudget.core.check.Check c : org.openbudget.core.check.CheckCatalogue.checks()) byId.put(c.id(), c);
        for (String id : profileIds()) {
            TemplateProfile p;
            try {
                p = profile(id);
            } catch (RuntimeException e) {
                continue;
            }
            for (org.openbudget.core.check.Check c : org.openbudget.core.check.CheckCatalogue.checks(p)) byId.putIfAbsent(c.id(), c);
        }
        return List.copyOf(byId.values());
    }

    /** Every profile id: files (override directory and built-in) and overlay. */
    public SortedSet<String> profileIds() {
        overlay.generation();
        SortedSet<String> out = new TreeSet<>(fileProfiles());
        out.addAll(overlay.profileIds());
        return out;
    }

    private void sync(long g) {
        if (g != generation) {
            years.clear();
            profiles.clear();
            heads.clear();
            generation = g;
        }
    }

    private synchronized SortedSet<Integer> fileYears() {
        if (fileYears == null) {
            SortedSet<Integer> ys = new TreeSet<>();
            for (int y : candidateYears()) if (y >= FIRST_YEAR && y <= LAST_YEAR && read(indexFile(y)).isPresent()) ys.add(y);
            fileYears = ys;
        }
        return fileYears;
    }

    private synchronized SortedSet<String> fileProfiles() {
        if (fileProfiles == null) {
            SortedSet<String> ids = new TreeSet<>(classpathProfiles());
            if (overrideDir != null && Files.isDirectory(overrideDir.resolve("profiles"))) {
                try (var files = Files.list(overrideDir.resolve("profiles"))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).forEach(n -> ids.add(n.substring(0, n.length() - 5)));
                } catch (IOException ignored) {
                    // an unreadable folder lists nothing; profile(id) still reports the file
                }
            }
            for (int y : fileYears()) {
                String id = families().defaultFamily("预算") + "-" + y;
                if (read("profiles/" + id + ".yaml").isPresent()) ids.add(id);
            }
            fileProfiles = ids;
        }
        return fileProfiles;
    }

    /**
     * The years whose classification lists may be here: the year folders of {@code classifications/} in the override
     * folder and on the classpath — or, where the classpath cannot be listed (or lists none), every year, each then
     * probed: a lookup in every jar of the classpath per year, which is what listing saves a command's start.
     */
    private Set<Integer> candidateYears() {
        Set<String> names = classpathNames("refdata/classifications");
        Set<Integer> all = new TreeSet<>();
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) all.add(y);
        if (names == null) return all;
        if (overrideDir != null && Files.isDirectory(overrideDir.resolve("classifications"))) {
            try (var files = Files.list(overrideDir.resolve("classifications"))) {
                files.forEach(p -> names.add(p.getFileName().toString() + "/"));
            } catch (IOException ignored) {
                // an unreadable folder lists nothing
            }
        }
        Set<Integer> years = new TreeSet<>();
        for (String n : names) {
            String d = n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
            if (d.length() == 4 && d.chars().allMatch(Character::isDigit)) years.add(Integer.parseInt(d));
        }
        return years.isEmpty() ? all : years;   // a jar without its folders' own entries lists nothing: probe
    }

    /** The built-in profiles' ids: the yaml files of refdata/profiles/ on the classpath (a folder or a jar). */
    private static Set<String> classpathProfiles() {
        Set<String> names = classpathNames("refdata/profiles");
        if (names == null) return Set.of();   // not listable: the known ids are still probed
        return names.stream().filter(n -> n.endsWith(".yaml") && !n.contains("/")).map(n -> n.substring(0, n.length() - 5)).collect(Collectors.toSet());
    }

    /**
     * The names directly in a folder of the classpath, in every folder or jar that has it (a folder's own name ends
     * in "/"; a jar lists the entries below it, so deeper names come with their path); null when it cannot be listed.
     */
    private static Set<String> classpathNames(String folder) {
        Set<String> names = new TreeSet<>();
        String prefix = folder + "/";
        try {
            Enumeration<URL> urls = ReferenceLibrary.class.getClassLoader().getResources(folder);
            while (urls.hasMoreElements()) {
                URL u = urls.nextElement();
                if ("file".equals(u.getProtocol())) {
                    try (var files = Files.list(Path.of(u.toURI()))) {
                        files.forEach(p -> names.add(p.getFileName().toString() + (Files.isDirectory(p) ? "/" : "")));
                    }
                } else {
                    URLConnection c = u.openConnection();
                    if (c instanceof JarURLConnection j) {
                        j.setUseCaches(false);
                        try (JarFile jar = j.getJarFile()) {
                            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                                if (e.getName().startsWith(prefix) && e.getName().length() > prefix.length()) names.add(e.getName().substring(prefix.length()));
                            }
                        }
                    } else {
                        return null;
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        // a jar's entries below a folder: its first level ("2024/classifications.yaml" → "2024/")
        Set<String> level = new TreeSet<>();
        for (String n : names) {
            int slash = n.indexOf('/');
            level.add(slash < 0 || slash == n.length() - 1 ? n : n.substring(0, slash + 1));
        }
        return level;
    }

    private static String indexFile(int year) {
        return "classifications/" + year + "/classifications.yaml";
    }

    private ReferenceData loadYear(int year) {
        String base = "classifications/" + year + "/";
        Optional<String> indexText = read(indexFile(year));
        YamlNode index = indexText.map(t -> YamlNode.parse("refdata/" + indexFile(year), t)).orElse(null);
        if (index == null) {
            List<String> missing = Arrays.stream(ListKind.values()).filter(k -> overlay.list(year, k).isEmpty()).map(ListKind::label).toList();
            if (!missing.isEmpty()) {
                throw new InputException("refdata/" + indexFile(year), 0, "budget_year", "没有 " + year + " 年的分类科目参考数据"
                        + (missing.size() < 3 ? "（缺少" + String.join("、", missing) + "）" : "") + " (no reference data for this budget year)");
            }
        }
        Classification functional = classification(Classification.Kind.FUNCTIONAL, ListKind.FUNCTIONAL, year, base, index);
        Classification economic = classification(Classification.Kind.ECONOMIC, ListKind.ECONOMIC, year, base, index);
        Optional<ListText> uploaded = overlay.list(year, ListKind.FUNDING_SOURCES);
        List<FundingSource> sources;
        if (uploaded.isPresent()) {
            sources = fundingSources(uploaded.get().file(), uploaded.get().csv());
        } else {
            String srcFile = base + "funding-sources.csv";
            String srcText = read(srcFile).orElseThrow(() -> new InputException("refdata/" + srcFile, 0, "", "缺少资金来源表 (funding sources missing)"));
            sources = fundingSources("refdata/" + srcFile, srcText);
        }
        return new ReferenceData(year, functional, economic, sources);
    }

    private Classification classification(Classification.Kind kind, ListKind list, int year, String base, YamlNode index) {
        Optional<ListText> uploaded = overlay.list(year, list);
        if (uploaded.isPresent()) {
            ListText l = uploaded.get();
            return classification(kind, year, l.file(), l.csv(), l.complete(), l.source());
        }
        YamlNode spec = index.require(list.id());
        String file = base + spec.string("file");
        String text = read(file).orElseThrow(() -> spec.error("找不到文件 " + file));
        return classification(kind, year, "refdata/" + file, text, spec.bool("complete", false), spec.optString("source").orElse(""));
    }

    /**
     * A classification list (CSV with header {@code code,name}): codes of 3, 5 or 7 digits, each once,
     * each with a name. Every problem is reported with its line.
     */
    public static Classification classification(Classification.Kind kind, int year, String file, String text, boolean complete, String source) {
        List<ClassItem> items = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String[] r : Csv.read(file, text, "code", "name")) {
            String code = r[1];
            int line = Integer.parseInt(r[0]);
            if (!code.matches("\\d{3}|\\d{5}|\\d{7}")) {
                problems.add(new InputProblem(file, line, "code", "科目编码应为 3、5 或 7 位数字，实际为 \"" + code + "\""));
                continue;
            }
            if (r[2].isEmpty()) {
                problems.add(new InputProblem(file, line, "name", "科目名称不能为空 (the name is missing)"));
                continue;
            }
            Integer prev = seen.put(code, line);
            if (prev != null) {
                problems.add(new InputProblem(file, line, "code", "科目编码重复 " + code + "（第 " + prev + " 行已有）"));
                continue;
            }
            items.add(new ClassItem(code, r[2]));
        }
        if (problems.isEmpty() && items.isEmpty()) problems.add(new InputProblem(file, 1, "", "没有科目 (the list is empty)"));
        if (!problems.isEmpty()) throw new InputException(problems);
        return new Classification(kind, year, complete, source == null ? "" : source, items);
    }

    /**
     * The funding sources (CSV with header {@code code,name,group,budget,current_year}): each code
     * once, the budget one of 一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户, 单位资金,
     * current_year true (本年) or false (上年结转结余).
     */
    public static List<FundingSource> fundingSources(String file, String text) {
        List<FundingSource> sources = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String[] r : Csv.read(file, text, "code", "name", "group", "budget", "current_year")) {
            int line = Integer.parseInt(r[0]);
            int before = problems.size();
            if (!r[1].matches("[A-Z][A-Z0-9_]*")) problems.add(new InputProblem(file, line, "code", "资金来源代码应为大写字母、数字或下划线，实际为 \"" + r[1] + "\""));
            for (int k = 2; k <= 3; k++) {
                if (r[k].isEmpty()) problems.add(new InputProblem(file, line, k == 2 ? "name" : "group", "不能为空 (must not be empty)"));
            }
            if (!BUDGETS.contains(r[4])) problems.add(new InputProblem(file, line, "budget", "应为 " + String.join("、", new TreeSet<>(BUDGETS)) + " 之一，实际为 \"" + r[4] + "\""));
            if (!r[5].equals("true") && !r[5].equals("false")) problems.add(new InputProblem(file, line, "current_year", "应为 true（本年）或 false（上年结转结余），实际为 \"" + r[5] + "\""));
            Integer prev = seen.put(r[1], line);
            if (prev != null) problems.add(new InputProblem(file, line, "code", "资金来源代码重复 " + r[1] + "（第 " + prev + " 行已有）"));
            if (problems.size() == before) sources.add(new FundingSource(r[1], r[2], r[3], r[4], Boolean.parseBoolean(r[5])));
        }
        if (problems.isEmpty() && sources.isEmpty()) problems.add(new InputProblem(file, 1, "", "没有资金来源 (the list is empty)"));
        if (!problems.isEmpty()) throw new InputException(problems);
        return sources;
    }

    /** A reference-data file: the override directory's copy, else the built-in one. */
    private Optional<String> read(String relative) {
        try {
            if (overrideDir != null) {
                Path p = overrideDir.resolve(relative);
                if (Files.isRegularFile(p)) return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new InputException("refdata/" + relative, 0, "", "无法读取: " + e.getMessage());
        }
        return builtIn(relative);
    }

    /**
     * The text of a built-in reference-data file ("profiles/xinjiang-2024.yaml", "measures.yaml"): what a --refdata
     * directory's own copy starts from; empty when there is none.
     */
    public static Optional<String> builtIn(String relative) {
        try (InputStream in = ReferenceLibrary.class.getClassLoader().getResourceAsStream("refdata/" + relative)) {
            if (in == null) return Optional.empty();
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException("refdata/" + relative, 0, "", "无法读取: " + e.getMessage());
        }
    }
}
