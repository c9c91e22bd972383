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

    /**
     * The 决算 a blank 决算 workbook stands for: the agency and year, and — given the year's 预算 dataset of the same unit —
     * its projects and its lines as the 年初预算数 (the 收支与结转 sheet's budget.initial rows), so that the 决算's
     * 预算数 columns and 完成率 are the budget's as published.
     */
    public Budget blankFinal(Agency agency, int year, String profile, Budget budgeted) {
        Budget blank = blank(agency, year, profile);
        String basis = library.profile(profile).meta().basis();
        if (!org.openbudget.core.ledger.Accounts.FINAL.equals(basis)) {
            throw new InputException("--profile", 0, "profile", "模板 " + profile + " 是" + basis + "模板：决算工作簿请选用决算模板（如 "
                    + library.defaultProfile(org.openbudget.core.ledger.Accounts.FINAL, year) + "）");
        }
        java.util.Map<String, List<org.openbudget.core.ledger.LedgerLine>> flows = new java.util.LinkedHashMap<>();
        List<org.openbudget.core.ledger.Project> projects = List.of();
        if (budgeted != null) {
            String where = budgeted.origin().file();
            if (budgeted.isFinal()) throw new InputException(where, 0, "basis", "应为本年度的预算数据集，而它是决算数据集 (a 预算 dataset is expected)");
            if (budgeted.year() != year) throw new InputException(where, 0, "budget_year", "预算数据集的年度为 " + budgeted.year() + "，应与决算年度 " + year + " 相同");
            if (!budgeted.agency().code().equals(agency.code()) || budgeted.isDepartment() || agency.kind() != org.openbudget.core.ledger.AgencyKind.UNIT) {
                throw new InputException(where, 0, "agency_code", "预算数据集应为同一单位的单位预算（单位代码 " + agency.code() + "），实际为 "
                        + budgeted.agency().code() + " " + budgeted.agency().name());
            }
            flows.put("budget.initial", org.openbudget.core.derive.FinalBalances.initialBudget(budgeted.allLines(), library.year(year)));
            projects = budgeted.projects();
        }
        return new Budget(agency, year, profile, projects, List.of(), List.of(), Origin.NONE)
                .withAccounts(new org.openbudget.core.ledger.Accounts(org.openbudget.core.ledger.Accounts.FINAL, flows, budgeted));
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
