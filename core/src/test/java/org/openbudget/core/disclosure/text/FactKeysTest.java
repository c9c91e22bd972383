package org.openbudget.core.disclosure.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openbudget.core.ledger.Narrative;

/** Keys renamed from a table number to a measure still resolve: in a fact, and in a dataset's reasons and last-year amounts. */
class FactKeysTest {
    @Test
    void anEarlierKeyStandsForTheMeasureKeyWhereverItIsStored() {
        TextFact f = new TextFact("八", "", "table8.empty", "空表", FactKind.NAME, null, "", "", List.of("…为空表。"), "", "…为空表。");
        assertThat(f.key()).isEqualTo("gfb.empty");
        assertThat(FactKeys.canonical("gfb_expense.empty")).isEqualTo("gfb.empty");
        assertThat(FactKeys.canonical("gpb.item:2080505")).isEqualTo("gpb.item:2080505");

        Narrative.LastYear last = new Narrative.LastYear(null, Map.of("table11.empty", BigDecimal.ONE, "tpe.total", BigDecimal.TEN));
        assertThat(last.amounts()).containsOnlyKeys("carry.empty", "tpe.total");
        // a current name given beside its earlier one wins
        assertThat(FactKeys.canonicalKeys(Map.of("table9.empty", "old", "soc.empty", "new"))).containsExactly(Map.entry("soc.empty", "new"));
    }
}
