package org.openbudget.io.workbook;

import java.nio.file.Path;
import java.util.List;

import org.openbudget.core.ledger.Agency;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Origin;
import org.openbudget.io.InputException;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The blank workbook a unit downloads for its unit and budget year: the instructions, its 单位信息
 * filled in, empty 项目 and 预算明细 sheets whose code columns drop down the year's classifications
 * (and, for a department, an empty 组成单位 sheet).
 */
public final class WorkbookTemplate {
    private final ReferenceLibrary library;

    public WorkbookTemplate(ReferenceLibrary library) {
        this.library = library;
    }

    /** The template family used when none is named (the embedded default). */
    public static final String DEFAULT_FAMILY = "xinjiang";

    /** The default family's profile named for a year (refdata/profiles/xinjiang-YEAR.yaml); see ReferenceLibrary#profileFor for a year without one. */
    public static String defaultProfile(int year) {
        return DEFAULT_FAMILY + "-" + year;
    }

    /** The budget a blank workbook stands for: the agency and year, nothing else. */
    public Budget blank(Agency agency, int year, String profile) {
        if (year < 2000 || year > 2100) throw new InputException("--year", 0, "budget_year", "预算年度应在 2000 至 2100 之间，实际为 " + year + " (a budget year is expected)");
        if (!library.hasProfile(profile)) throw new InputException("--profile", 0, "profile", "找不到模板 " + profile + " (unknown template profile)");
        if (agency.code() == null || agency.code().isBlank()) throw new InputException("--unit-code", 0, "agency_code", "单位代码不能为空");
        if (agency.name() == null || agency.name().isBlank()) throw new InputException("--unit-name", 0, "agency_name", "单位名称不能为空");
        return new Budget(agency, year, profile, List.of(), List.of(), List.of(), Origin.NONE);
    }

    public void write(Agency agency, int year, String profile, Path out) {
        Budget blank = blank(agency, year, profile);
        new WorkbookWriter(library.year(year), library.profile(profile)).write(blank, out);
    }
}
