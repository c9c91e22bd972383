package org.openbudget.io.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.guard.ReadLimits;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its file and line, so that every error can say where it is.
 * Scalars are kept as text (an amount is never turned into a float).
 */
public final class YamlNode {
    private final String file;
    private final Node node;
    private final String path;
    /** For a tree merged from several files ({@link #extend}): the file each node came from. */
    private final Map<Node, String> origins;

    private YamlNode(String file, Node node, String path) {
        this(file, node, path, null);
    }

    private YamlNode(String file, Node node, String path, Map<Node, String> origins) {
        this.origins = origins;
        this.file = origins != null && origins.containsKey(node) ? origins.get(node) : file;
        this.node = node;
        this.path = path;
    }

    private YamlNode child(Node n, String childPath) {
        return new YamlNode(file, n, childPath, origins);
    }

    /**
     * {@code child} laid over {@code base} (a profile that {@code extends:} another): mappings merge
     * key by key, recursively; any other value of the child replaces the base's; a key the child sets
     * to null (~) is removed. Every node keeps the file and line it was written at.
     */
    public static YamlNode extend(YamlNode base, YamlNode child) {
        Map<Node, String> origins = new java.util.IdentityHashMap<>();
        base.mark(base.node, origins);
        child.mark(child.node, origins);
        return new YamlNode(child.file, merge(base.node, child.node), "", origins);
    }

    private void mark(Node n, Map<Node, String> out) {
        out.put(n, origins != null && origins.containsKey(n) ? origins.get(n) : file);
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                mark(t.getKeyNode(), out);
                mark(t.getValueNode(), out);
            }
        } else if (n instanceof SequenceNode q) {
            for (Node i : q.getValue()) mark(i, out);
        }
    }

    private static Node merge(Node base, Node child) {
        if (!(base instanceof MappingNode b) || !(child instanceof MappingNode c)) return child;
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : b.getValue()) out.put(keyOf(t), t);
        for (NodeTuple t : c.getValue()) {
            String k = keyOf(t);
            NodeTuple old = out.get(k);
            if (t.getValueNode() instanceof ScalarNode s && s.getTag().getValue().endsWith(":null")) {
                out.remove(k);
            } else if (old != null) {
                out.put(k, new NodeTuple(old.getKeyNode(), merge(old.getValueNode(), t.getValueNode())));
            } else {
                out.put(k, t);
            }
        }
        return new MappingNode(c.getTag(), new ArrayList<>(out.values()), c.getFlowStyle());
    }

    private static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
    }

    public static YamlNode parse(String file, String text) {
        return parse(file, new StringReader(text));
    }

    public static YamlNode parse(String file, Reader reader) {
        ReadLimits limits = ReadLimits.current();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(limits.yamlAliases());
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(limits.yamlDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.yamlBytes()));
        options.setProcessComments(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            Node root = yaml.compose(reader);
            if (root == null) throw new InputException(file, 1, "", "文件为空，应为 YAML 映射 (the file is empty; a YAML mapping is expected)");
            List<InputProblem> duplicates = new ArrayList<>();
            checkKeys(file, root, duplicates, new java.util.IdentityHashMap<>(), 0, limits);
            if (!duplicates.isEmpty()) throw new InputException(duplicates);
            return new YamlNode(file, root, "");
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = m == null ? 0 : m.getLine() + 1;
            throw new InputException(file, line, "", "YAML 格式错误: " + plain(e.getProblem()) + " (malformed YAML)");
        } catch (YAMLException e) {
            throw new InputException(file, 0, "", "YAML 格式错误: " + plain(e.getMessage()));
        } finally {
            try { reader.close(); } catch (IOException ignored) { }
        }
    }

    /** SnakeYAML's words for a problem, without the Java names some of them carry. */
    private static String plain(String message) {
        if (message == null) return "无法解析";
        String m = message.replaceAll("(?:[a-z]++\\.){2,}+[A-Za-z$]++", "").replaceAll("\\s+", " ").trim();
        if (m.length() > 300) m = m.substring(0, 300) + "…";
        if (m.contains("exceeds the limit") || m.contains("code points")) return "文件过大（上限 " + ReadLimits.size(ReadLimits.current().yamlBytes()) + "） (" + m + ")";
        if (m.contains("Nesting Depth")) return "嵌套层数过多（上限 " + ReadLimits.current().yamlDepth() + " 层） (" + m + ")";
        if (m.contains("aliases")) return "别名（*引用）过多（上限 " + ReadLimits.current().yamlAliases() + " 个） (" + m + ")";
        return m;
    }

    /**
     * Every mapping's keys, each once (SnakeYAML's composer does not check it; only its constructor,
     * which this reader does not use): a key given twice in any spelling that means the same key —
     * plain, quoted or escaped — is refused at its second line.
     * Anchors and aliases are visited once; merge keys ({@code <<}) are refused (a dataset has no use for them).
     */
    private static void checkKeys(String file, Node node, List<InputProblem> out, java.util.IdentityHashMap<Node, Boolean> seen, int depth,
                                  ReadLimits limits) {
        if (seen.put(node, Boolean.TRUE) != null) return;
        org.openbudget.io.guard.ReadGuard.checkpoint();
        if (node instanceof MappingNode m) {
            java.util.Map<String, Integer> keys = new java.util.HashMap<>();
            for (NodeTuple t : m.getValue()) {
                Node k = t.getKeyNode();
                int line = k.getStartMark() == null ? 0 : k.getStartMark().getLine() + 1;
                if (!(k instanceof ScalarNode s)) {
                    out.add(new InputProblem(file, line, "", "映射的键应为单个值（文字），不能是列表或映射 (a key must be a plain value)"));
                    continue;
                }
                String key = java.text.Normalizer.normalize(s.getValue().strip(), java.text.Normalizer.Form.NFKC);
                if (k.getTag() == org.yaml.snakeyaml.nodes.Tag.MERGE || "<<".equals(s.getValue()) && s.getScalarStyle().getChar() == null) {
                    out.add(new InputProblem(file, line, key, "不支持合并键 << (merge keys are not supported: write each field)"));
                    continue;
                }
                Integer first = keys.putIfAbsent(key, line);
                if (first != null) {
                    out.add(new InputProblem(file, line, key, "字段 " + key + " 重复：第 " + first + " 行已给出 (a key given twice in one mapping)"));
                }
                checkKeys(file, t.getValueNode(), out, seen, depth + 1, limits);
            }
        } else if (node instanceof SequenceNode q) {
            for (Node n : q.getValue()) checkKeys(file, n, out, seen, depth + 1, limits);
        } else if (node instanceof ScalarNode s && s.getValue().length() > limits.lineChars() * 16) {
            int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
            out.add(new InputProblem(file, line, "", "值过长（" + s.getValue().length() + " 个字符，上限 " + limits.lineChars() * 16 + "） (a value too long)"));
        }
    }

    public String file() { return file; }
    public String path() { return path; }
    public int line() { return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1; }

    public boolean isMap() { return node instanceof MappingNode; }
    public boolean isList() { return node instanceof SequenceNode; }
    public boolean isScalar() { return node instanceof ScalarNode; }

    /** True for a list; false for an explicit empty value (key present, nothing given); else an error. */
    public boolean isPresentList() {
        if (isList()) return true;
        if (isScalar() && text() == null) return false;
        throw error("应为列表 (a list is expected)");
    }

    public InputProblem problem(String message) {
        return new InputProblem(file, line(), path, message);
    }

    public InputException error(String message) {
        return new InputException(List.of(problem(message)));
    }

    /** Entries of a mapping, in file order; duplicate keys are a YAML error already. */
    public Map<String, YamlNode> entries() {
        if (!isMap()) throw error("应为映射 (a mapping of key: value is expected)");
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            out.put(key, child(t.getValueNode(), path.isEmpty() ? key : path + "." + key));
        }
        return out;
    }

    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    public YamlNode require(String key) {
        YamlNode v = entries().get(key);
        if (v == null) {
            throw new InputException(file, line(), path.isEmpty() ? key : path + "." + key, "缺少必填字段 " + key + " (required field missing)");
        }
        return v;
    }

    public List<YamlNode> items() {
        if (!isList()) throw error("应为列表 (a list is expected)");
        List<YamlNode> out = new ArrayList<>();
        List<Node> nodes = ((SequenceNode) node).getValue();
        for (int i = 0; i < nodes.size(); i++) out.add(child(nodes.get(i), path + "[" + (i + 1) + "]"));
        return out;
    }

    /** The scalar's text; null for an explicit YAML null (~ or empty). */
    public String text() {
        if (!isScalar()) throw error("应为单个值 (a single value is expected)");
        String v = ((ScalarNode) node).getValue();
        String tag = node.getTag().getValue();
        if (tag.endsWith(":null") || (v.isEmpty() && ((ScalarNode) node).getScalarStyle().getChar() == null)) return null;
        return v;
    }

    public String string(String key) {
        String v = require(key).text();
        if (v == null || v.isBlank()) throw require(key).error("不能为空 (must not be empty)");
        return v.trim();
    }

    public Optional<String> optString(String key) {
        return get(key).map(YamlNode::text).map(String::trim).filter(s -> !s.isEmpty());
    }

    public int integer(String key) {
        YamlNode n = require(key);
        try {
            return Integer.parseInt(n.text().trim());
        } catch (RuntimeException e) {
            throw n.error("应为整数，实际为 \"" + n.text() + "\" (a whole number is expected)");
        }
    }

    public boolean bool(String key, boolean dflt) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty() || n.get().text() == null) return dflt;
        String t = n.get().text().trim().toLowerCase();
        return switch (t) {
            case "true", "yes", "是" -> true;
            case "false", "no", "否" -> false;
            default -> throw n.get().error("应为 true 或 false，实际为 \"" + t + "\"");
        };
    }

    public List<String> strings(String key) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (YamlNode i : n.get().items()) out.add(i.text());
        return out;
    }
}
