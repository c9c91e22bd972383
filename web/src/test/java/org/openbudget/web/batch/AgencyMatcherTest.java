package org.openbudget.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;

/** A published document matched to the registry: by its printed name, its file's name, a bracketed second name, an alias; never another city's. */
class AgencyMatcherTest {
    static final Agency BUREAU = new Agency("650100417", "乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）", "部门", "行政", "650100", null, 0);
    static final Agency SME = new Agency("650100417003", "乌鲁木齐市中小企业服务中心", "单位", "事业", "650100", "650100417", 3);
    static final Agency SCITECH = new Agency("650100416003", "乌鲁木齐科技信息服务中心", "单位", "事业", "650100", null, 0);
    static final List<Agency> REGISTRY = List.of(BUREAU, SME, SCITECH);

    @Test
    void matchesByNameFileNameSecondNameAndAlias() {
        AgencyMatcher m = new AgencyMatcher("乌鲁木齐市", REGISTRY, Map.of());
        assertThat(m.match("乌鲁木齐市工业和信息化局 (乌鲁木齐市大数据发展局)", "a.pdf", "部门")).extracting(AgencyMatcher.Match::agency, AgencyMatcher.Match::confidence)
                .containsExactly(BUREAU, 1.0);
        assertThat(m.match("乌鲁木齐市大数据发展局", "a.pdf", null).agency()).isEqualTo(BUREAU);
        assertThat(m.match("中小企业服务中心", "a.pdf", "单位").agency()).as("without the region's name").isEqualTo(SME);
        assertThat(m.match("", "公开/2024年乌鲁木齐市中小企业服务中心单位预算.pdf", null).agency()).as("by the file's name").isEqualTo(SME);
        assertThat(m.match("", "2024年乌鲁木齐市中小企业服务中心单位预算.pdf", null).confidence()).isLessThan(1.0);

        // another city's bureau of the same name is not this one, nor is an unrelated unit
        assertThat(m.match("广州市工业和信息化局", "2026年广州市工业和信息化局部门预算.pdf", "部门")).isNull();
        assertThat(m.match("乌鲁木齐市统计局", "x.pdf", null)).isNull();
        assertThat(m.ranked("广州市工业和信息化局", "x.pdf", null, 3)).allSatisfy(r -> assertThat(r.confidence()).isLessThan(AgencyMatcher.ACCEPT));

        // a name a reviewer assigned once is known from then on
        assertThat(m.match("市中小企业中心", "x.pdf", null)).isNull();
        AgencyMatcher learnt = new AgencyMatcher("乌鲁木齐市", REGISTRY, Map.of(SME.code(), List.of("市中小企业中心")));
        assertThat(learnt.match("市中小企业中心", "x.pdf", null)).extracting(AgencyMatcher.Match::agency, AgencyMatcher.Match::confidence)
                .containsExactly(SME, 1.0);
    }

    @Test
    void twoAgenciesEquallyNearAreLeftToTheReviewer() {
        Agency a = new Agency("1", "乌鲁木齐市第一中学", "单位", "事业", "650100", null, 0);
        Agency b = new Agency("2", "乌鲁木齐市第一中学（本部）", "单位", "事业", "650100", null, 0);
        AgencyMatcher m = new AgencyMatcher("乌鲁木齐市", List.of(a, b), Map.of());
        assertThat(m.match("乌鲁木齐市第一中学", "x.pdf", null)).isNull();
        assertThat(m.ranked("乌鲁木齐市第一中学", "x.pdf", null, 3)).extracting(AgencyMatcher.Match::agency).containsExactlyInAnyOrder(a, b);
    }
}
