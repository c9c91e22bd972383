package org.openbudget.core.ledger;

/** Where a piece of data came from (file and line), for error messages. Optional everywhere. */
public record Origin(String file, int line) {
    public static final Origin NONE = new Origin("", 0);

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
