package org.openbudget.cli;

import java.nio.file.Path;

import org.openbudget.io.refdata.ReferenceLibrary;

import picocli.CommandLine.Option;

/**
 * {@code --refdata DIR}, shared by every command that reads classifications or profiles: a finance
 * bureau's directory (the layout of refdata/) read before the built-in lists; without it the
 * built-in lists, or {@code BUDGET_REFDATA} when set.
 */
final class RefdataOption {
    @Option(names = "--refdata", paramLabel = "DIR", description = "财政部门提供的参考数据目录，优先于内置数据 (reference data directory overriding the built-in lists)")
    Path dir;

    /**
     * The built-in library made at start-up, its templates read on a spare core while the command line is
     * parsed ({@link BudgetCli#warmUp}); null when the command did not ask for it.
     */
    static volatile ReferenceLibrary early;

    ReferenceLibrary library() {
        if (dir != null) return new ReferenceLibrary(dir);
        ReferenceLibrary e = early;
        return e != null ? e : ReferenceLibrary.standard();
    }
}
