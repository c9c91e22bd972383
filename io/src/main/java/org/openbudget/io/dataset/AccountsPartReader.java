package org.openbudget.io.dataset;

import java.util.List;
import java.util.Optional;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Accounts;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/**
 * A 决算 dataset's {@code accounts:} read by the one reader that knows their rules ({@link AccountsReader}), for formats
 * that are not a whole YAML dataset: the workbook reader writes its 收支与结转 sheet as the YAML of the accounts (the
 * 年初预算数 as entries: a workbook names no other dataset) and maps each problem's line back to its cell.
 */
public final class AccountsPartReader {
    private AccountsPartReader() {}

    /** The accounts of {@code unit} (a 决算's, its ledger read) from the YAML of a dataset's {@code accounts:} key; problems are added, never thrown. */
    public static Accounts read(String file, String yaml, ReferenceData ref, MeasureDictionary dict, Budget unit, List<InputProblem> problems) {
        YamlNode root = YamlNode.parse(file, yaml.isEmpty() ? "{}" : yaml);
        return new AccountsReader(problems, ref, dict, node -> {
            problems.add(node.problem("工作簿中不能引用预算数据集，请把年初预算数作为条目填写 (a workbook gives the 年初预算数 as entries)"));
            return null;
        }).read(unit, root);
    }

    /** The problem of a 决算 ledger line on a 财政专户 source (a 决算 prints no 财政专户 row), if any. */
    public static Optional<String> specialAccount(ReferenceData ref, LedgerLine line) {
        Optional<FundingSource> s = ref.source(line.fundSource());
        if (s.isPresent() && s.get().budget().equals(AccountsReader.EXCLUDED_BUDGET)) {
            return Optional.of(AccountsReader.NO_SPECIAL_ACCOUNT + s.get().code() + " " + s.get().name());
        }
        return Optional.empty();
    }

    /** The flows a 决算's accounts may list, with the name of the measure that declares each (for the workbook's list). */
    public static List<String[]> flows(MeasureDictionary dict) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (var m : dict.all()) if (m.hasFlow() && !m.flow().equals(org.openbudget.core.derive.FinalBalances.CLOSING)) out.putIfAbsent(m.flow(), m.name());
        return out.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()}).toList();
    }
}
