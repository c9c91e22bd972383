package org.openbudget.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.openbudget.core.ledger.Agency;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.io.InputException;
import org.openbudget.io.Workspace;
import org.openbudget.io.dataset.DatasetRules;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.workbook.WorkbookTemplate;
import org.openbudget.io.workbook.WorkbookWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./budget workbook}: writes the Excel workbook a unit fills (docs/workbook.md) — blank for a
 * unit and year, or exported from an existing dataset so that it can be edited and read back.
 */
@Command(name = "workbook", description = "生成 Excel 填报工作簿：空白模板（--year --unit-name --unit-code）或由现有数据集导出（--from）"
        + " (write the Excel workbook a unit fills: a blank template, or an existing dataset exported)")
final class WorkbookCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "输出文件 (the workbook to write)")
    Path out;

    @Option(names = "--from", paramLabel = "PATH", description = "导出现有数据集或工作簿 (export this dataset / workbook)")
    Path from;

    @Option(names = "--year", paramLabel = "YEAR", description = "预算年度 (budget year)")
    Integer year;

    @Option(names = "--unit-name", paramLabel = "NAME", description = "单位名称 (unit name)")
    String unitName;

    @Option(names = "--unit-code", paramLabel = "CODE", description = "单位代码 (unit code, leading zeros kept)")
    String unitCode;

    @Option(names = "--kind", paramLabel = "单位|部门", defaultValue = "单位", description = "单位级次，默认 ${DEFAULT-VALUE}")
    String kind;

    @Option(names = "--type", paramLabel = "行政|事业|参公", defaultValue = "事业", description = "单位类型，默认 ${DEFAULT-VALUE}")
    String type;

    @Option(names = "--profile", paramLabel = "ID", description = "公开模板，默认为 refdata/templates.yaml 所定模板系列的当年（或此前最近一年）模板 (template profile; default: the default family's of the year)")
    String profile;

    @Option(names = "--basis", paramLabel = "预算|决算", defaultValue = "预算",
            description = "报表类型，默认 ${DEFAULT-VALUE}；决算工作簿的默认模板同样由 refdata/templates.yaml 确定 (budget or final accounts)")
    String basis;

    @Option(names = "--budget", paramLabel = "PATH",
            description = "决算工作簿：本年度的预算数据集，填入年初预算数和项目 (a 决算 workbook: the year's 预算 dataset gives its 年初预算数)")
    Path budgeted;

    @CommandLine.Mixin RefdataOption refdata = new RefdataOption();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ReferenceLibrary lib = refdata.library();
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new InputException("--out", 0, "", "输出文件应以 .xlsx 结尾，实际为 " + out);
        }
        Budget budget;
        if (from != null) {
            if (year != null || unitName != null || unitCode != null || budgeted != null) {
                throw new InputException("--from", 0, "", "--from 导出现有数据集时不能同时指定 --year、--unit-name、--unit-code、--budget");
            }
            budget = new Workspace(lib).read(from);
        } else {
            if (year == null || unitName == null || unitCode == null) {
                throw new InputException("workbook", 0, "", "空白模板需要 --year、--unit-name 和 --unit-code（或用 --from 导出现有数据集）");
            }
            AgencyKind k = DatasetRules.agencyKind(kind, (f, m) -> { throw new InputException("--kind", 0, "", m); });
            AgencyType t = DatasetRules.agencyType(type, (f, m) -> { throw new InputException("--type", 0, "", m); });
            Agency agency = new Agency(unitCode.trim(), unitName.trim(), k, t);
            boolean isFinal = switch (basis.trim()) {
                case "预算" -> false;
                case "决算" -> true;
                default -> throw new InputException("--basis", 0, "", "报表类型应为 预算 或 决算，实际为 " + basis);
            };
            if (!isFinal && budgeted != null) throw new InputException("--budget", 0, "", "--budget 只用于决算工作簿（--basis 决算）");
            if (isFinal) {
                String p = profile != null ? profile : lib.defaultProfile("决算", year);
                Budget b = budgeted == null ? null : new Workspace(lib).read(budgeted);
                budget = new WorkbookTemplate(lib).blankFinal(agency, year, p, b);
            } else {
                budget = new WorkbookTemplate(lib).blank(agency, year,
                        profile != null ? profile : lib.defaultProfile("预算", year));
            }
        }
        try {
            new WorkbookWriter(lib.year(budget.year()), lib.profile(budget.profileId())).write(budget, out);
        } catch (java.io.UncheckedIOException e) {
            throw new InputException(out.toString(), 0, "--out", "无法写入: " + e.getCause().getMessage() + " (cannot write the workbook)");
        }
        if (budget.isDepartment() && budget.units().stream().anyMatch(u -> !u.narrative().isEmpty())) {
            spec.commandLine().getErr().println("注意：部门工作簿只含部门本身的文字部分；所属单位的文字部分请分别导出各单位的工作簿 "
                    + "(a department workbook holds the department's own text only; export each unit for its text)");
        }
        String what = from != null ? "导出 " + budget.agency().name() + " " + budget.year() + " 年数据集"
                : budget.agency().name() + " " + budget.year() + " 年空白填报模板";
        spec.commandLine().getOut().println("已写入 " + out + "（" + what + "，" + budget.allLines().size() + " 条" + (budget.isFinal() ? "决算" : "预算") + "明细"
                + (budget.isFinal() ? "，" + budget.allFlow("budget.initial").size() + " 条年初预算数" : "") + "）");
        return BudgetCli.OK;
    }
}
