package org.openbudget.io.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

import org.junit.jupiter.api.Test;

/** ReadLimits' equality is written out (not the record's generated one): every component must count in it. */
class ReadLimitsTest {

    @Test
    void limitsThatDifferInAnyOneComponentAreNotEqual() throws Exception {
        ReadLimits d = ReadLimits.DEFAULTS;
        RecordComponent[] cs = ReadLimits.class.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) types[i] = cs[i].getType();
        Constructor<ReadLimits> canonical = ReadLimits.class.getDeclaredConstructor(types);
        assertThat(cs.length).isEqualTo(18);
        for (int changed = 0; changed < cs.length; changed++) {
            Object[] args = new Object[cs.length];
            for (int i = 0; i < cs.length; i++) {
                Object v = cs[i].getAccessor().invoke(d);
                if (i == changed) v = v instanceof Integer n ? (Object) (n + 1) : (Object) ((Long) v + 1);
                args[i] = v;
            }
            ReadLimits other = canonical.newInstance(args);
            assertThat(other).as(cs[changed].getName()).isNotEqualTo(d);
            args[changed] = cs[changed].getAccessor().invoke(d);
            ReadLimits same = canonical.newInstance(args);
            assertThat(same).as(cs[changed].getName()).isEqualTo(d).hasSameHashCodeAs(d);
        }
        assertThat(ReadLimits.current()).isEqualTo(ReadLimits.current());
    }

    @Test
    void eachLimitHasItsEnvironmentVariable() {
        assertThat(ReadLimits.envName("pdfStreamBytes")).isEqualTo("BUDGET_LIMIT_PDF_STREAM_BYTES");
        assertThat(ReadLimits.envName("seconds")).isEqualTo("BUDGET_LIMIT_SECONDS");
        assertThat(ReadLimits.envName("zipMinRatioPermille")).isEqualTo("BUDGET_LIMIT_ZIP_MIN_RATIO_PERMILLE");
    }
}
