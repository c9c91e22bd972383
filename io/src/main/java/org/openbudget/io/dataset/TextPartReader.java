package org.openbudget.io.dataset;

import java.util.List;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/**
 * The dataset's text part read by the one reader that knows its rules ({@link NarrativeReader}),
 * for formats that are not a whole YAML dataset: the workbook reader writes its text sheets as the
 * YAML of the text part (no {@code last_year.dataset}: a workbook gives comparatives as amounts)
 * and maps each problem's line back to its cell.
 */
public final class TextPartReader {
    private TextPartReader() {}

    /** The narrative of {@code budget} from the YAML of a dataset's text keys; problems are added, never thrown. */
    public static Narrative read(String file, String yaml, ReferenceData ref, org.openbudget.core.profile.TextOutline outline, Budget budget,
                                 List<InputProblem> problems) {
        YamlNode root = YamlNode.parse(file, yaml);
        return new NarrativeReader(problems, ref, budget, outline, node -> {
            problems.add(node.problem("工作簿中不能引用上年数据集，请在“上年比较数”中填写上年预算数 (a workbook gives last year's amounts)"));
            return null;
        }).read(root);
    }
}
