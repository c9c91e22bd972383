package org.openbudget.derive.straight;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;

/** A ledger line with its funding source resolved and its nature worked out once, as the table derivations consume it. */
record Posting(LedgerLine line, FundingSource source, boolean basic, boolean personnel) {
    Posting(LedgerLine line, FundingSource source) {
        this(line, source, line.nature() == Nature.BASIC, line.personnel());
    }

    String func() { return line.funcCode(); }
    String eco() { return line.ecoCode(); }
    long fen() { return line.amountFen(); }
    boolean project() { return !basic; }
    boolean publicUse() { return basic && !personnel; }
}
