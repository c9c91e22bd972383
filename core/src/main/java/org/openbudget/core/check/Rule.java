package org.openbudget.core.check;

import java.util.function.Consumer;

/** A catalogue entry: id, severity, the rule's wording, the tables it reads, and its logic. */
final class Rule implements Check {
    private final String id;
    private final Severity severity;
    private final String rule;
    private final int[] tables;
    private final Consumer<CheckContext> logic;

    Rule(String id, Severity severity, String rule, int[] tables, Consumer<CheckContext> logic) {
        this.id = id;
        this.severity = severity;
        this.rule = rule;
        this.tables = tables;
        this.logic = logic;
    }

    @Override public String id() { return id; }
    @Override public Severity severity() { return severity; }
    @Override public String rule() { return rule; }
    @Override public int[] tables() { return tables.clone(); }
    @Override public void run(CheckContext ctx) { logic.accept(ctx); }

    static int[] t(int... tables) { return tables; }
}
