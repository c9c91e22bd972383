package org.openbudget.io.refdata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.io.yaml.YamlNode;

/**
 * Which template family a document takes when nothing chooses one (refdata/templates.yaml): the
 * {@code default} family of a basis (预算, 决算) for a unit's document without a named profile or a
 * region's assignment, and the {@code unrecognised} family a published document is read by when no
 * profile's signature fits. A family is a profile id without its year ({@code xinjiang} of
 * {@code xinjiang-2024}).
 */
public record TemplateFamilies(Map<String, String> defaults, Map<String, String> unrecognised) {
    static final List<String> BASES = List.of("预算", "决算");

    public TemplateFamilies {
        defaults = Map.copyOf(defaults);
        unrecognised = Map.copyOf(unrecognised);
    }

    /** The family a document of this basis takes when none is named. */
    public String defaultFamily(String basis) {
        return defaults.get(basis(basis));
    }

    /** The family a published document of this basis is read by when no signature fits. */
    public String unrecognisedFamily(String basis) {
        return unrecognised.get(basis(basis));
    }

    private static String basis(String basis) {
        if (!BASES.contains(basis)) throw new IllegalArgumentException("basis " + basis);
        return basis;
    }

    /** Reads the file; every problem located (a missing basis, a family that is not a profile id's stem). */
    public static TemplateFamilies read(String file, String text) {
        YamlNode root = YamlNode.parse(file, text);
        return new TemplateFamilies(families(root.require("default")), families(root.require("unrecognised")));
    }

    private static Map<String, String> families(YamlNode node) {
        if (!node.isMap()) throw node.error("应为 预算 和 决算 各一个模板系列 (a family per basis: 预算, 决算)");
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : node.entries().entrySet()) {
            if (!BASES.contains(e.getKey())) throw e.getValue().error("未知的报表类型 " + e.getKey() + "，应为 预算 或 决算 (basis 预算 or 决算)");
            String family = e.getValue().text() == null ? "" : e.getValue().text().trim();
            if (!family.matches("[A-Za-z0-9_.]+(-[A-Za-z0-9_.]+)*") || family.matches(".*-\\d{4}")) {
                throw e.getValue().error("模板系列应为不含年度的模板编号（模板编号去掉末尾的 -年度），实际为 " + family
                        + " (a family is a profile id without its year)");
            }
            out.put(e.getKey(), family);
        }
        for (String b : BASES) {
            if (!out.containsKey(b)) throw node.error("缺少 " + b + " 的模板系列 (a family for " + b + " is expected)");
        }
        return out;
    }
}
