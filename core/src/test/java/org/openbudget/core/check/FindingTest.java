package org.openbudget.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FindingTest {
    private static Finding lazy(AtomicInteger writes) {
        return new Finding("T3.row-sum", Severity.NOTICE, 3, "21703", "", "合计", null, "5.81", "5.80",
                () -> {
                    writes.incrementAndGet();
                    return "表3「21703」合计 应等于第 2+3 列之和：应为 5.81，实为 5.80";
                });
    }

    @Test
    void aLazyMessageIsWrittenOnceWhenFirstReadAndIsTheSameTextAfterwards() {
        AtomicInteger writes = new AtomicInteger();
        Finding f = lazy(writes);
        assertThat(writes).hasValue(0);
        assertThat(f.message()).isEqualTo("表3「21703」合计 应等于第 2+3 列之和：应为 5.81，实为 5.80");
        assertThat(f.message()).isSameAs(f.message());
        assertThat(writes).hasValue(1);
    }

    @Test
    void equalityComparesTheMessageTextWhetherWrittenLazilyOrGiven() {
        Finding given = new Finding("T3.row-sum", Severity.NOTICE, 3, "21703", "", "合计", null, "5.81", "5.80",
                "表3「21703」合计 应等于第 2+3 列之和：应为 5.81，实为 5.80");
        Finding other = new Finding("T3.row-sum", Severity.NOTICE, 3, "21703", "", "合计", null, "5.81", "5.80", "另一条说明");
        assertThat(lazy(new AtomicInteger())).isEqualTo(given).hasSameHashCodeAs(given).isNotEqualTo(other);
    }

    @Test
    void anotherSeverityKeepsEverythingElse() {
        AtomicInteger writes = new AtomicInteger();
        Finding f = lazy(writes).withSeverity(Severity.ERROR);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.location()).isEqualTo("表3 21703 [合计]");
        assertThat(f.message()).endsWith("实为 5.80");
    }
}
