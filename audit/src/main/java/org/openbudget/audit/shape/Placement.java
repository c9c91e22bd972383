package org.openbudget.audit.shape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the numbers of a plain-text row (where blank cells are invisible) into the right columns:
 * every increasing choice of columns is a candidate; a candidate must satisfy the row's equations
 * (profile {@code equations}) and use only allowed columns; among a parent's children the
 * combination whose column sums equal the parent's values (类 = Σ 款, 总计 = Σ 类 …) wins.
 */
final class Placement {
    static final BigDecimal HALF_CENT = new BigDecimal("0.005");
    private static final int MAX_NODES = 300_000;

    /** One equation: column lhs = Σ columns rhs (0-based). */
    record Equation(int lhs, int[] rhs) {
        static Equation parse(String s) {
            String[] sides = s.split("=");
            int lhs = Integer.parseInt(sides[0].trim()) - 1;
            String[] parts = sides[1].split("\\+");
            int[] rhs = new int[parts.length];
            for (int i = 0; i < parts.length; i++) rhs[i] = Integer.parseInt(parts[i].trim()) - 1;
            return new Equation(lhs, rhs);
        }

        /** |lhs − Σ rhs| (blank = 0). */
        BigDecimal gap(BigDecimal[] v) {
            BigDecimal s = BigDecimal.ZERO;
            for (int i : rhs) s = s.add(nz(v[i]));
            return nz(v[lhs]).subtract(s).abs();
        }

        BigDecimal tolerance() {
            return HALF_CENT.multiply(BigDecimal.valueOf(rhs.length + 1));
        }
    }

    /** A row being placed. */
    static final class Node {
        final List<BigDecimal> numbers;
        BigDecimal[] values;
        final List<Node> children = new ArrayList<>();
        List<BigDecimal[]> candidates;
        final String where;
        /** Columns this row's kind can fill (null: the table's); e.g. a 表11 project row has no 基本支出. */
        boolean[] allowed;

        Node(List<BigDecimal> numbers, BigDecimal[] fixed, String where) {
            this.numbers = numbers;
            this.values = fixed;
            this.where = where;
        }
    }

    private final int columns;
    private final List<Equation> equations;
    private final boolean[] allowed;
    private final List<String> notes;

    Placement(int columns, List<Equation> equations, boolean[] allowed, List<String> notes) {
        this.columns = columns;
        this.equations = equations;
        this.allowed = allowed;
        this.notes = notes;
    }

    static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** Candidate placements of a node's numbers. */
    List<BigDecimal[]> candidates(Node n) {
        if (n.values != null) return java.util.Collections.singletonList(n.values);
        int k = n.numbers.size();
        if (k == 0) return java.util.Collections.singletonList(new BigDecimal[columns]);
        if (k == columns) return java.util.Collections.singletonList(n.numbers.toArray(new BigDecimal[0]));
        boolean[] allow = allowed;
        if (n.allowed != null) {
            allow = allowed.clone();
            for (int i = 0; i < allow.length; i++) allow[i] &= n.allowed[i];
        }
        List<BigDecimal[]> out = enumerate(n, allow, true);
        if (out.isEmpty()) out = enumerate(n, allow, false);
        if (out.isEmpty() && allow != allowed) out = enumerate(n, allowed, false);
        if (out.isEmpty()) out = enumerate(n, all(), false);
        if (out.isEmpty()) {
            notes.add(n.where + "：" + k + " 个数无法按列的含义放入 " + columns + " 列，按顺序放在前几列");
            BigDecimal[] v = new BigDecimal[columns];
            for (int i = 0; i < Math.min(k, columns); i++) v[i] = n.numbers.get(i);
            out = java.util.Collections.singletonList(v);
        }
        return out;
    }

    private boolean[] all() {
        boolean[] a = new boolean[columns];
        java.util.Arrays.fill(a, true);
        return a;
    }

    private List<BigDecimal[]> enumerate(Node n, boolean[] allow, boolean exact) {
        List<BigDecimal[]> out = new ArrayList<>();
        choose(n.numbers, 0, 0, new BigDecimal[columns], allow, exact, out);
        return out;
    }

    private void choose(List<BigDecimal> nums, int i, int from, BigDecimal[] acc, boolean[] allow, boolean exact, List<BigDecimal[]> out) {
        if (out.size() > 5000) return;
        if (i == nums.size()) {
            for (Equation e : equations) {
                BigDecimal gap = e.gap(acc);
                if (exact ? gap.signum() != 0 : gap.compareTo(e.tolerance()) > 0) return;
            }
            out.add(acc.clone());
            return;
        }
        for (int c = from; c <= columns - (nums.size() - i); c++) {
            if (!allow[c]) continue;
            acc[c] = nums.get(i);
            choose(nums, i + 1, c + 1, acc, allow, exact, out);
            acc[c] = null;
        }
    }

    /** Places a tree of nodes: roots first, then each parent's children against the parent. */
    void solve(List<Node> roots) {
        for (Node r : roots) {
            List<BigDecimal[]> cands = candidates(r);
            if (cands.size() == 1 || r.children.isEmpty()) {
                if (cands.size() > 1) notes.add(r.where + "：数的列位置不唯一（" + cands.size() + " 种），取第一种");
                r.values = cands.get(0);
            } else {
                // choose the root placement its children fit best
                BigDecimal best = null;
                List<BigDecimal[]> bestOnes = new ArrayList<>();
                for (BigDecimal[] c : cands) {
                    r.values = c;
                    BigDecimal score = fitChildren(r, false);
                    if (score == null) continue;
                    int cmp = best == null ? -1 : score.compareTo(best);
                    if (cmp < 0) { best = score; bestOnes.clear(); }
                    if (cmp <= 0) bestOnes.add(c);
                }
                if (bestOnes.isEmpty()) bestOnes.add(cands.get(0));
                if (bestOnes.size() > 1) notes.add(r.where + "：数的列位置不唯一（" + bestOnes.size() + " 种均与下级行相符），取第一种");
                r.values = bestOnes.get(0);
            }
            solveBelow(r);
        }
    }

    private void solveBelow(Node parent) {
        if (parent.children.isEmpty()) return;
        fitChildren(parent, true);
        for (Node c : parent.children) solveBelow(c);
    }

    /**
     * Finds the children's placements whose column sums come closest to the parent's values.
     * Returns the smallest total gap (null when no child can be placed); assigns when {@code assign}.
     */
    private BigDecimal fitChildren(Node parent, boolean assign) {
        List<Node> kids = parent.children;
        List<List<BigDecimal[]>> options = new ArrayList<>();
        for (Node k : kids) {
            List<BigDecimal[]> all = candidates(k);
            List<BigDecimal[]> fit = new ArrayList<>();
            for (BigDecimal[] c : all) if (within(c, parent.values)) fit.add(c);
            options.add(fit.isEmpty() ? all : fit);
        }
        Search s = new Search(parent.values, options);
        s.run(0, new BigDecimal[columns]);
        if (s.best == null) return null;
        if (assign) {
            if (s.ties > 1) notes.add(parent.where + " 的下级行：数的列位置不唯一（" + s.ties + " 种），取第一种");
            if (s.aborted) notes.add(parent.where + " 的下级行：组合过多，未穷尽");
            for (int i = 0; i < kids.size(); i++) kids.get(i).values = s.bestChoice[i];
        }
        return s.best;
    }

    /** Nonzero only where the parent is nonzero. */
    private static boolean within(BigDecimal[] child, BigDecimal[] parent) {
        for (int i = 0; i < child.length; i++) {
            if (child[i] != null && child[i].signum() != 0 && (parent[i] == null || parent[i].signum() == 0)) return false;
        }
        return true;
    }

    private final class Search {
        final BigDecimal[] target;
        final List<List<BigDecimal[]>> options;
        final BigDecimal[][] choice;
        BigDecimal[][] bestChoice;
        BigDecimal best;
        int ties;
        int nodes;
        boolean aborted;

        Search(BigDecimal[] target, List<List<BigDecimal[]>> options) {
            this.target = target;
            this.options = options;
            this.choice = new BigDecimal[options.size()][];
        }

        void run(int i, BigDecimal[] sums) {
            if (++nodes > MAX_NODES) {
                aborted = true;
                return;
            }
            if (i == options.size()) {
                BigDecimal gap = BigDecimal.ZERO;
                for (int c = 0; c < columns; c++) gap = gap.add(nz(sums[c]).subtract(nz(target[c])).abs());
                int cmp = best == null ? -1 : gap.compareTo(best);
                if (cmp < 0) {
                    best = gap;
                    bestChoice = choice.clone();
                    ties = 1;
                } else if (cmp == 0) {
                    ties++;
                }
                return;
            }
            for (BigDecimal[] c : options.get(i)) {
                BigDecimal[] next = sums.clone();
                for (int col = 0; col < columns; col++) if (c[col] != null) next[col] = nz(next[col]).add(c[col]);
                choice[i] = c;
                run(i + 1, next);
                if (aborted && bestChoice != null) return;
            }
        }
    }
}
