package org.openbudget.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.openbudget.web.db.repositories.AccountRepository;
import org.openbudget.web.security.BudgetUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every web test class extends this one, so the whole module shares ONE Spring context and ONE
 * embedded PostgreSQL (real binaries, fresh data directory under target/), loaded with the demo data.
 * Tests that change data use their own agency-years so that they do not depend on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"budget.data-dir=target/test-db", "budget.db.clean=true", "budget.db.durable=false", "budget.demo=true", "budget.demo.password=demo2024", "budget.db.pool-size=10",
                "budget.limits.check-per-minute=100000", "budget.limits.check-per-minute-logged-in=100000", "budget.limits.check-concurrent=4",
                "logging.level.root=WARN", "budget.publish.ofd=false",   // OFD is published in FirstAdministratorTest's flow (its own context), not in every version here
                // the collecting tests serve a listing from this machine (CollectorTest), quickly
                "budget.collect.allow-private=true", "budget.collect.pause-ms=20"})
@AutoConfigureMockMvc(print = org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint.NONE)
public abstract class WebTestBase {
    public static final String SME = "650100417003";
    public static final String BENJI = "650100417001";
    public static final String ENERGY = "650100417002";
    public static final String PROJECTS = "650100417004";
    public static final String BUREAU = "650100417";
    public static final String SCITECH = "650100416003";

    @Autowired protected MockMvc mvc;
    @Autowired protected AccountRepository accounts;

    protected BudgetUser as(String username) {
        return accounts.find(username).orElseThrow();
    }

    /** An example dataset (examples/ is on the classpath under demo/). */
    public static String example(String path) {
        try (InputStream in = new ClassPathResource("demo/" + path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String smeDataset() { return example("urumqi-sme-center-2024/dataset.yaml"); }

    /**
     * The SME dataset without its hand-typed 上年数 (the block from "last_year:" to the next top-level key), and without the
     * reason for the 项 that only 2023 had: the dataset of a year after one published here, whose 上年数 that version gives.
     */
    public static String withoutLastYear(String yaml) {
        return yaml.replaceAll("(?ms)^last_year:.*?(?=^[a-z_]+:)", "").replaceAll("(?m)^  gpb\\.item:2150805: .*\n", "");
    }

    /**
     * A test's own unit's registered name: unique in its region, so that no test's unit shares a name with the demo's
     * agencies (a batch's document printing an example's name then matches the demo's agency alone).
     */
    public static String ownName(String code) { return "测试服务中心" + code; }

    /** An example dataset moved to a test's own unit: its code ({@code from} replaced) and its registered name ({@link #ownName}). */
    public static String asUnit(String yaml, String from, String code) {
        return yaml.replace("\"" + from + "\"", "\"" + code + "\"").replaceFirst("(?m)^  agency_name: .*$", "  agency_name: " + ownName(code));
    }

    /** A page as {@code who} sees it (null: anonymous), which must answer 200. */
    protected String page(String who, String path) throws Exception {
        var b = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
        if (who != null) b.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(as(who)));
        var r = mvc.perform(b).andReturn().getResponse();
        org.assertj.core.api.Assertions.assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The same dataset moved to another budget year (and that year's template). */
    public static String forYear(String yaml, int year) {
        return yaml.replace("budget_year: 2024", "budget_year: " + year).replace("profile: xinjiang-2024", "profile: xinjiang-" + year);
    }
}
