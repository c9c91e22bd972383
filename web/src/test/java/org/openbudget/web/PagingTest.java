package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.DocumentRepository;
import org.openbudget.web.db.repositories.Status;
import org.openbudget.web.pages.Paging;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** Long lists come a page at a time: the work list of a region's reviewer, the public list. */
class PagingTest extends WebTestBase {
    @Autowired AgencyRepository agencies;
    @Autowired DocumentRepository documents;

    @Test
    void pages() {
        List<Integer> all = IntStream.rangeClosed(1, 101).boxed().toList();
        Paging<Integer> p = Paging.of(all, null, 50);
        assertThat(p.items()).hasSize(50).startsWith(1);
        assertThat(p.pages()).isEqualTo(3);
        assertThat(p.hasPrevious()).isFalse();
        assertThat(p.hasNext()).isTrue();
        assertThat(Paging.of(all, "3", 50).items()).containsExactly(101);
        assertThat(Paging.of(all, "3", 50).first()).isEqualTo(101);
        assertThat(Paging.of(all, "99", 50).page()).as("beyond the last: the last").isEqualTo(3);
        assertThat(Paging.of(all, "-1", 50).page()).isEqualTo(1);
        assertThat(Paging.of(all, "x", 50).page()).isEqualTo(1);
        assertThat(Paging.of(List.of(), "2", 50).items()).isEmpty();
        assertThat(Paging.of(List.of(), "2", 50).pages()).isEqualTo(1);
    }

    static int rows(String html) {
        return html.split("href=\"/work/6503", -1).length - 1;
    }

    @Test
    void theWorkListOfALargeRegionComesAPageAtATime() throws Exception {
        agencies.upsertRegion("650300", "分页测试市");
        for (int i = 0; i < 51; i++) {
            String code = "650300" + String.format("%03d", i);
            agencies.upsert(new Agency(code, "分页测试单位" + i, "单位", "事业", "650300", null, i));
            documents.create(code, 2025, Status.SUBMITTED, "format: budget-dataset/1\n", "xinjiang-2025", "test");
        }
        accounts.insert(new BudgetUser("pg-reviewer", "{noop}x", Role.REVIEWER, null, "650300", "r", true));
        String first = page("pg-reviewer", "/work");
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains("第 1 / 2 页", "共 51 条", "id=\"page-next\"").doesNotContain("id=\"page-previous\"");
        String second = page("pg-reviewer", "/work?page=2");
        assertThat(rows(second)).isEqualTo(1);
        assertThat(second).contains("第 2 / 2 页", "id=\"page-previous\"").doesNotContain("id=\"page-next\"");
        // the filters stay in the links, and a filtered list is paged on its own
        String filtered = mvc.perform(get("/work").param("status", "SUBMITTED").param("q", "分页测试单位1").with(user(as("pg-reviewer"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rows(filtered)).isEqualTo(11);   // 1, 10 … 19
        assertThat(filtered).doesNotContain("id=\"page-next\"");
        assertThat(page("pg-reviewer", "/work?page=abc")).contains("第 1 / 2 页");
        assertThat(page(null, "/?page=abc")).contains("公开文档");
    }
}
