package org.openbudget.io.refdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.io.InputException;

/** What narrative sentences state ({@code statements:} of the dictionary of measures) as read, and its mistakes located. */
class StatementsReaderTest {
    private static final String MEASURES = """
            measures:
              total: {name: 合计}
            """;

    @Test
    void theBuiltInDictionaryDeclaresEveryNarrativeBlockTheWalkerWrites() {
        MeasureDictionary d = ReferenceLibrary.builtInMeasures();
        for (String block : java.util.List.of("procurement", "assets", "performance", "other_matters", "three_public", "evaluation")) {
            assertThat(d.statements(block)).as(block).isNotEmpty();
        }
        assertThat(d.statement("assets", "building", "area").kind()).isEqualTo(FactKind.QUANTITY);
        assertThat(d.statement("three_public", "abroad", "groups").key()).isEqualTo("fa.tpe.abroad.groups");
        assertThat(d.statement("assets", "purchase_no_vehicle", "").subject()).isEqualTo("购置车辆");
    }

    @Test
    void aStatementOfAnUnknownBlockOrKindIsLocated() {
        InputException e = catchThrowableOfType(() -> MeasureReader.dictionary("refdata/measures.yaml", MEASURES + """
                statements:
                  assets:
                    - {pattern: building, var: area, key: assets.building, subject: 房屋, kind: area}
                  nosuch:
                    - {pattern: x, var: y, key: a.b, kind: count}
                """), InputException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("amount、count 或 quantity").contains("nosuch").contains("refdata/measures.yaml");
    }

    @Test
    void aDictionaryWithoutStatementsDeclaresNone() {
        MeasureDictionary d = MeasureReader.dictionary("refdata/measures.yaml", MEASURES);
        assertThat(d.allStatements()).isEmpty();
    }
}
