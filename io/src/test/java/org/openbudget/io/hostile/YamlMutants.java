package org.openbudget.io.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of hostile YAML datasets: byte-level damage and structure-aware mutants of the
 * real datasets — duplicate keys in every spelling, absurd amounts (thousands of digits, exponents,
 * NaN, overflowing ledgers), nesting, alias bombs, huge scalars, control characters, type swaps.
 * The same seed gives the same inputs.
 */
public final class YamlMutants {
    private final List<String> bases;
    private final Random rnd;

    public YamlMutants(List<String> bases, long seed) {
        this.bases = bases;
        this.rnd = new Random(seed);
    }

    public record Mutant(String what, String text) {}

    static final String[] AMOUNTS = {"1e999999999", "9".repeat(5_000), "NaN", ".nan", ".inf", "-.inf", "-0", "0x1F", "1_000", "١٢٣",
            "50000000000000000", "99999999999999999999.99", "1,,,2", "1e3", "+5", "0.001", "12.", ".5", "1.2.3", "--1", "9223372036854775807",
            "92233720368547758.07", "1000000000000.01", "1000000000000", "999999999999.99", "~", "[1, 2]", "{a: 1}", "\"\"", "'1'", "!!float 1",
            "-1", "1" + "0".repeat(40), "0." + "1".repeat(60)};

    public Mutant next(int i) {
        String base = bases.get(rnd.nextInt(bases.size()));
        int kind = i % 16;
        List<String> lines = new ArrayList<>(List.of(base.split("\n", -1)));
        switch (kind) {
            case 0 -> {
                byte[] b = base.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int n = 1 + rnd.nextInt(12);
                for (int k = 0; k < n; k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                return new Mutant("bytes flipped", new String(b, java.nio.charset.StandardCharsets.UTF_8));
            }
            case 1 -> {
                int a = rnd.nextInt(lines.size()), n = 1 + rnd.nextInt(Math.min(30, lines.size() - a));
                for (int k = 0; k < n && a < lines.size(); k++) lines.remove(a);
                return new Mutant("lines deleted", String.join("\n", lines));
            }
            case 2 -> {
                int a = rnd.nextInt(lines.size()), n = 1 + rnd.nextInt(Math.min(40, lines.size() - a));
                List<String> block = new ArrayList<>(lines.subList(a, Math.min(lines.size(), a + n)));
                int times = 1 + rnd.nextInt(3);
                for (int k = 0; k < times; k++) lines.addAll(a, block);
                return new Mutant("lines duplicated", String.join("\n", lines));
            }
            case 3 -> {
                // a key given twice, in another spelling
                int at = keyLine(lines);
                String l = lines.get(at);
                int colon = l.indexOf(':');
                if (colon < 0) return new Mutant("duplicate key (none found): truncated", base.substring(0, rnd.nextInt(base.length())));
                String indent = l.substring(0, l.length() - l.stripLeading().length());
                String key = l.substring(indent.length(), colon).trim();
                String[] spellings = {key, "\"" + key + "\"", "'" + key + "'", "\"" + escape(key) + "\"", key + " ", "? " + key + "\n" + indent};
                String sp = spellings[rnd.nextInt(spellings.length)];
                String dup = sp.startsWith("? ") ? indent + sp + ": 2025" : indent + sp + ": 2025";
                lines.add(at + 1, dup);
                return new Mutant("duplicate key " + key, String.join("\n", lines));
            }
            case 4, 5 -> {
                // an absurd amount
                List<Integer> amounts = new ArrayList<>();
                for (int k = 0; k < lines.size(); k++) if (lines.get(k).contains("amount:")) amounts.add(k);
                String a = AMOUNTS[rnd.nextInt(AMOUNTS.length)];
                if (amounts.isEmpty()) return new Mutant("amount (none)", base + "\namount: " + a);
                int at = amounts.get(rnd.nextInt(amounts.size()));
                String l = lines.get(at);
                String value = rnd.nextBoolean() ? "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : a;
                lines.set(at, l.replaceFirst("amount: *(\"[^\"]*\"|[^,}]*)", java.util.regex.Matcher.quoteReplacement("amount: " + value)));
                return new Mutant("amount " + (a.length() > 30 ? a.substring(0, 30) + "…" : a), String.join("\n", lines));
            }
            case 6 -> {
                int depth = 10 + rnd.nextInt(300);
                String nest = "[".repeat(depth) + "]".repeat(depth);
                if (rnd.nextBoolean()) nest = "{a: ".repeat(depth) + "1" + "}".repeat(depth);
                lines.add(rnd.nextInt(lines.size()), "nested: " + nest);
                return new Mutant("nesting " + depth, String.join("\n", lines));
            }
            case 7 -> {
                StringBuilder b = new StringBuilder("a0: &a0 [\"lol\", \"lol\"]\n");
                int n = 5 + rnd.nextInt(20);
                for (int k = 1; k <= n; k++) b.append("a").append(k).append(": &a").append(k).append(" [*a").append(k - 1).append(", *a").append(k - 1).append("]\n");
                return new Mutant("alias bomb " + n, base + "\n" + b);
            }
            case 8 -> {
                int n = 1_000 + rnd.nextInt(2_000_000);
                String big = "长".repeat(n);
                int at = rnd.nextInt(lines.size());
                lines.add(at, rnd.nextBoolean() ? "note: " + big : "# " + big);
                return new Mutant("long scalar " + n, String.join("\n", lines));
            }
            case 9 -> {
                String[] controls = {"\u0000", "\u0001", "\u001b", "\u007f", "\u2028", "\uFEFF", "\uD800", "\t", "\r"};
                StringBuilder b = new StringBuilder(base);
                int n = 1 + rnd.nextInt(8);
                for (int k = 0; k < n; k++) b.insert(rnd.nextInt(b.length()), controls[rnd.nextInt(controls.length)]);
                return new Mutant("control characters", b.toString());
            }
            case 10 -> {
                // a list where a mapping is expected and the other way round
                int at = keyLine(lines);
                String l = lines.get(at);
                if (l.indexOf(':') < 0) return new Mutant("type swapped (no key found): truncated", base.substring(0, rnd.nextInt(base.length())));
                String[] values = {" []", " {}", " ~", " \"\"", " - a", " !!binary AAAA", " *undefined", " &x", " !!set {a}", " !!omap [a: 1]",
                        " !!timestamp 2024-01-01", " !!python/object:os.system []", " !<tag:yaml.org,2002:java.lang.ProcessBuilder> []"};
                lines.set(at, l.substring(0, l.indexOf(':') + 1) + values[rnd.nextInt(values.length)]);
                return new Mutant("type swapped", String.join("\n", lines));
            }
            case 11 -> {
                String[] tokens = {"&a ", "*a ", "<<: *a", "? ", "%YAML 1.1\n", "---\n", "...\n", "\t", "- ", ": ", "|\n", ">-\n", "!!str ", "{", "}", "[", "]", "'", "\"", "#", "@", "`"};
                StringBuilder b = new StringBuilder(base);
                int n = 1 + rnd.nextInt(6);
                for (int k = 0; k < n; k++) b.insert(rnd.nextInt(b.length()), tokens[rnd.nextInt(tokens.length)]);
                return new Mutant("syntax tokens", b.toString());
            }
            case 12 -> {
                return new Mutant("truncated", base.substring(0, rnd.nextInt(base.length())));
            }
            case 13 -> {
                // a ledger whose lines overflow a long of 分 when added up
                StringBuilder b = new StringBuilder(base);
                int n = 3 + rnd.nextInt(200);
                String amount = rnd.nextBoolean() ? "50000000000000000" : "1000000000000";
                int idx = base.indexOf("\nlines:");
                if (idx < 0) return new Mutant("overflow (no lines)", base);
                int end = base.indexOf("\n  - ", idx + 7);
                int next = end < 0 ? -1 : base.indexOf("\n  - ", end + 5);
                if (end < 0) return new Mutant("overflow (no lines)", base);
                String line = base.substring(end, next < 0 ? base.length() : next);
                String big = line.replaceAll("amount: *\"?[0-9.]+\"?", "amount: \"" + amount + "\"");
                for (int k = 0; k < n; k++) b.insert(end, big);
                return new Mutant("overflowing ledger " + n + " × " + amount, b.toString());
            }
            case 14 -> {
                // indentation shifted
                int a = rnd.nextInt(lines.size());
                int n = 1 + rnd.nextInt(10);
                for (int k = a; k < Math.min(lines.size(), a + n); k++) lines.set(k, (rnd.nextBoolean() ? " " : "") + lines.get(k).replaceFirst("^ ", ""));
                return new Mutant("indentation", String.join("\n", lines));
            }
            default -> {
                byte[] b = new byte[rnd.nextInt(4_096)];
                rnd.nextBytes(b);
                return new Mutant("random bytes", new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
    }

    private int keyLine(List<String> lines) {
        for (int tries = 0; tries < 50; tries++) {
            int at = rnd.nextInt(lines.size());
            String l = lines.get(at);
            if (!l.stripLeading().startsWith("-") && !l.stripLeading().startsWith("#") && l.matches("\\s*[A-Za-z_][A-Za-z0-9_.]*:.*")) return at;
        }
        return 0;
    }

    private static String escape(String key) {
        StringBuilder b = new StringBuilder();
        for (char c : key.toCharArray()) b.append(c == '_' ? "\\x5f" : String.valueOf(c));
        return b.toString();
    }
}
