package org.openbudget.core.derive;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.ledger.LedgerLine;

/** A ledger line with its funding source resolved, as the table derivations consume it. */
record Posting(LedgerLine line, FundingSource source) {
    String func() { return line.funcCode(); }
    String eco() { return line.ecoCode(); }
    long fen() { return line.amountFen(); }
    boolean basic() { return line.nature() == org.openbudget.core.ledger.Nature.BASIC; }
    boolean project() { return !basic(); }
    boolean personnel() { return line.personnel(); }
    boolean publicUse() { return line.publicUse(); }
}
