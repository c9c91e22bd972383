package org.openbudget.web.forms;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.io.InputException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Replaces some top-level keys of a dataset's YAML text and keeps the rest as written — its
 * comments and layout included. A form owns a few top-level keys (the ledger form: {@code lines});
 * saving it writes those keys afresh, in place, and leaves every other line of the file alone.
 */
public final class DatasetSplice {
    private DatasetSplice() {}

    /** The dataset is not written as one key per line (a flow mapping {…}): the forms cannot keep it as written. */
    public static final class NotBlockMapping extends RuntimeException {
        NotBlockMapping() {
            super("数据集不是逐行书写的 YAML 映射，表单无法在保留原文的前提下修改；请在“高级：直接编辑 YAML”中修改，或上传数据集");
        }
    }

    /** Where a new key goes when the file does not have it yet: after the last key before it in this order. */
    static final List<String> ORDER = List.of("format", "budget_year", "profile", "agency", "units", "projects", "lines",
            "overview", "last_year", "reasons", "class_notes", "project_texts", "performance_order", "performance_overall",
            "carry_over_notes", "procurement", "assets", "three_public", "performance_evaluation", "other_matters", "closing_date");

    /** The result: the new text, and for each written node its dataset path → form field. */
    public record Result(String yaml, Map<String, String> origins) {}

    /**
     * {@code values}: key → its new value, or null to remove the key. Keys not named are kept as they are.
     * The text must be a readable YAML mapping (a stored dataset always is).
     */
    public static Result replace(String written, Map<String, YamlOut.Node> values) {
        String yaml = written.replace("\r\n", "\n");
        Node root = compose(yaml);
        if (!(root instanceof MappingNode m) || m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new NotBlockMapping();
        }
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        // each top-level key: its first line and the line after its block
        List<String> keys = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        List<NodeTuple> tuples = m.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple t = tuples.get(i);
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            int start = t.getKeyNode().getStartMark().getLine();
            int end = i + 1 < tuples.size() ? tuples.get(i + 1).getKeyNode().getStartMark().getLine() : lines.size();
            // blank lines and comments at the margin before the next key belong to it
            while (end > start + 1 && (lines.get(end - 1).isBlank() || lines.get(end - 1).startsWith("#"))) end--;
            keys.add(key);
            spans.add(new int[] {start, end});
        }
        Map<String, String> origins = new LinkedHashMap<>();
        // edits from the bottom up, so that earlier spans stay valid
        record Edit(int start, int end, List<String> text) {}
        List<Edit> edits = new ArrayList<>();
        for (Map.Entry<String, YamlOut.Node> v : values.entrySet()) {
            List<String> text = List.of();
            if (v.getValue() != null) {
                YamlOut.Written w = YamlOut.topLevel(v.getKey(), v.getValue());
                origins.putAll(w.origins());
                text = List.of(w.text().substring(0, w.text().length() - 1).split("\n", -1));
            }
            int at = keys.indexOf(v.getKey());
            if (at >= 0) {
                text = keepComment(lines.get(spans.get(at)[0]), text);
                edits.add(new Edit(spans.get(at)[0], spans.get(at)[1], text));
            } else if (!text.isEmpty()) {
                int pos = insertionLine(v.getKey(), keys, spans, lines);
                edits.add(new Edit(pos, pos, text));
            }
        }
        edits.sort((a, b) -> a.start() != b.start() ? Integer.compare(b.start(), a.start()) : Integer.compare(b.end(), a.end()));
        for (Edit e : edits) {
            for (int i = e.end() - 1; i >= e.start(); i--) lines.remove(i);
            lines.addAll(e.start(), e.text());
        }
        String out = String.join("\n", lines);
        if (!out.endsWith("\n")) out += "\n";
        return new Result(out, origins);
    }

    private static final java.util.regex.Pattern KEY_COMMENT = java.util.regex.Pattern.compile("^([^#\\s][^#]*?:)(\\s+)(#.*)$");

    /** "overview:   # 第一部分": the comment after a key that opens a block stays with the key written again. */
    private static List<String> keepComment(String oldFirst, List<String> text) {
        java.util.regex.Matcher m = KEY_COMMENT.matcher(oldFirst);
        if (text.isEmpty() || !m.matches() || !text.get(0).equals(m.group(1))) return text;
        List<String> out = new ArrayList<>(text);
        out.set(0, text.get(0) + m.group(2) + m.group(3));
        return out;
    }

    private static int insertionLine(String key, List<String> keys, List<int[]> spans, List<String> lines) {
        int rank = ORDER.indexOf(key);
        int best = -1;
        for (int i = 0; i < keys.size(); i++) {
            int r = ORDER.indexOf(keys.get(i));
            if (r >= 0 && r < rank) best = i;
        }
        if (best >= 0) return spans.get(best)[1];
        // after everything, before trailing blank lines
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) end--;
        return end;
    }

    /** The SnakeYAML node tree (with marks), as the dataset reader parses it. */
    static Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(64 * 1024 * 1024);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (YAMLException e) {
            throw new InputException("dataset.yaml", 0, "", "YAML 格式错误: " + e.getMessage());
        }
    }

}
