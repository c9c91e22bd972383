package org.openbudget.io.refdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.classification.Classification;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.InputException;
import org.openbudget.io.yaml.YamlNode;

/**
 * Loads reference data (classifications and funding sources per budget year) and template
 * profiles. Built-in data ships on the classpath under {@code refdata/}; a finance bureau drops
 * its official lists into a directory of the same layout ({@code --refdata DIR} or the
 * {@code BUDGET_REFDATA} environment variable), whose files take precedence.
 */
public final class ReferenceLibrary {
    private final Path overrideDir;
    private final Map<Integer, ReferenceData> years = new HashMap<>();
    private final Map<String, TemplateProfile> profiles = new HashMap<>();

    public ReferenceLibrary(Path overrideDir) {
        this.overrideDir = overrideDir;
    }

    /** Built-in data, overridden by BUDGET_REFDATA when set. */
    public static ReferenceLibrary standard() {
        String env = System.getenv("BUDGET_REFDATA");
        return new ReferenceLibrary(env == null || env.isBlank() ? null : Path.of(env));
    }

    public synchronized ReferenceData year(int year) {
        return years.computeIfAbsent(year, this::loadYear);
    }

    public boolean hasYear(int year) {
        return read("classifications/" + year + "/classifications.yaml").isPresent();
    }

    public synchronized TemplateProfile profile(String id) {
        return profiles.computeIfAbsent(id, k -> {
            String rel = "profiles/" + k + ".yaml";
            String text = read(rel).orElseThrow(() -> new InputException("refdata/" + rel, 0, "profile",
                    "找不到模板 " + k + " (no template profile with this id)"));
            return ProfileReader.read("refdata/" + rel, text);
        });
    }

    public boolean hasProfile(String id) {
        return read("profiles/" + id + ".yaml").isPresent();
    }

    private ReferenceData loadYear(int year) {
        String base = "classifications/" + year + "/";
        String indexFile = base + "classifications.yaml";
        String indexText = read(indexFile).orElseThrow(() -> new InputException("refdata/" + indexFile, 0, "budget_year",
                "没有 " + year + " 年的分类科目参考数据 (no reference data for this budget year)"));
        YamlNode index = YamlNode.parse("refdata/" + indexFile, indexText);
        Classification functional = classification(Classification.Kind.FUNCTIONAL, year, base, index.require("functional"));
        Classification economic = classification(Classification.Kind.ECONOMIC, year, base, index.require("economic"));
        String srcFile = base + "funding-sources.csv";
        String srcText = read(srcFile).orElseThrow(() -> new InputException("refdata/" + srcFile, 0, "", "缺少资金来源表 (funding sources missing)"));
        List<FundingSource> sources = new ArrayList<>();
        for (String[] r : Csv.read("refdata/" + srcFile, srcText, "code", "name", "group", "budget", "current_year")) {
            sources.add(new FundingSource(r[1], r[2], r[3], r[4], Boolean.parseBoolean(r[5])));
        }
        return new ReferenceData(year, functional, economic, sources);
    }

    private Classification classification(Classification.Kind kind, int year, String base, YamlNode spec) {
        String file = base + spec.string("file");
        String text = read(file).orElseThrow(() -> spec.error("找不到文件 " + file));
        List<ClassItem> items = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String[] r : Csv.read("refdata/" + file, text, "code", "name")) {
            String code = r[1];
            int line = Integer.parseInt(r[0]);
            if (!code.matches("\\d{3}|\\d{5}|\\d{7}")) {
                throw new InputException("refdata/" + file, line, "code", "科目编码应为 3、5 或 7 位数字，实际为 \"" + code + "\"");
            }
            Integer prev = seen.put(code, line);
            if (prev != null) throw new InputException("refdata/" + file, line, "code", "科目编码重复 " + code + "（第 " + prev + " 行已有）");
            items.add(new ClassItem(code, r[2]));
        }
        return new Classification(kind, year, spec.bool("complete", false), spec.optString("source").orElse(""), items);
    }

    /** A reference-data file: the override directory's copy, else the built-in one. */
    private Optional<String> read(String relative) {
        try {
            if (overrideDir != null) {
                Path p = overrideDir.resolve(relative);
                if (Files.isRegularFile(p)) return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
            }
            try (InputStream in = ReferenceLibrary.class.getClassLoader().getResourceAsStream("refdata/" + relative)) {
                if (in == null) return Optional.empty();
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new InputException("refdata/" + relative, 0, "", "无法读取: " + e.getMessage());
        }
    }
}
