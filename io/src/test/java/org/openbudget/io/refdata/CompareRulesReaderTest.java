package org.openbudget.io.refdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openbudget.io.InputException;

/** refdata/comparison.yaml: what ./budget compare flags, read with located errors. */
class CompareRulesReaderTest {
    @Test
    void theBuiltInRulesAreRead() {
        var rules = ReferenceLibrary.standard().compareRules();
        assertThat(rules.thresholdPercent()).isEqualByComparingTo("10");
        assertThat(rules.explain()).contains(Set.of("spent.gpb"), Set.of("spent.fiscal", "tpe.abroad"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "threshold_percent: ten                  | comparison.yaml:1 | 阈值应为数字",
            "threshold_percent: -1                   | comparison.yaml:1 | 阈值应在 0 到 1000 之间",
            "'explain:\n  - [spent.gpb, no.such]'     | comparison.yaml:2 | 未知的度量 no.such",
            "'explain:\n  - [total]'                  | comparison.yaml:2 | 应列出至少一个度量"})
    void aBadFileIsRefusedWhereItIsWrong(String yaml, String where, String told) {
        InputException e = catchThrowableOfType(InputException.class,
                () -> CompareRulesReader.read("comparison.yaml", yaml, ReferenceLibrary.builtInMeasures()));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.toString()).startsWith(where).contains(told));
    }
}
