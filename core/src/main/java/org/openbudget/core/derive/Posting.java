package org.openbudget.core.derive;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;

/**
 * A ledger line with its funding source resolved (and its index {@code src} in the year's list of
 * sources) and its kind worked out once: {@link #PERSONNEL} (基本支出 on 301/303), {@link #PUBLIC_USE}
 * (other 基本支出) or {@link #PROJECT} (项目支出).
 */
record Posting(LedgerLine line, FundingSource source, int src, int kind, String flow) {
    static final int PERSONNEL = 0;
    static final int PUBLIC_USE = 1;
    static final int PROJECT = 2;
    /** Number of kinds. */
    static final int KINDS = 3;
    /** The kind of a 决算 entry with no nature (income, a balance, 经营支出 …): it passes no kind filter. */
    static final int NO_KIND = KINDS;

    Posting(LedgerLine line, FundingSource source, int src) {
        this(line, source, src, kindOf(line), "");
    }

    /** An entry of a 决算 flow ({@code flow}); of the ledger's kinds when it has a nature (年初预算数: the 预算's lines). */
    static Posting entry(LedgerLine line, FundingSource source, int src, String flow) {
        return new Posting(line, source, src, line.nature() == null ? NO_KIND : kindOf(line), flow);
    }

    /** A posting of the ledger (the year's lines), not of a 决算 flow. */
    boolean ledger() { return flow.isEmpty(); }

    static int kindOf(LedgerLine line) {
        if (line.nature() != Nature.BASIC) return PROJECT;
        return line.personnel() ? PERSONNEL : PUBLIC_USE;
    }

    String func() { return line.funcCode(); }
    String eco() { return line.ecoCode(); }
    long fen() { return line.amountFen(); }
    boolean basic() { return kind != PROJECT; }
    boolean personnel() { return kind == PERSONNEL; }
    boolean project() { return kind == PROJECT; }
    boolean publicUse() { return kind == PUBLIC_USE; }
}
