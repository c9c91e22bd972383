package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.openbudget.web.service.DemoData;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 数据下载: every published version's package listed; a region's year as one CSV and one package holding each
 * line once (a unit published on its own and inside its department's document counted through the department);
 * the files sum to the versions' own packages; a bad region or an empty year is a 404 that says so.
 * On the demo data: 工信局 (a department, its four units consolidated) and the SME center (one of them) and the
 * sci-tech center (whose department has not published) published for 2024 in 乌鲁木齐.
 */
class OpenDataTest extends WebTestBase {
    static final ObjectMapper JSON = new ObjectMapper();

    JsonNode json(String path) throws Exception {
        MvcResult r = mvc.perform(get(path)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    byte[] bytes(String path) throws Exception {
        MvcResult r = mvc.perform(get(path)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return r.getResponse().getContentAsByteArray();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    /** The CSV's data lines (no field of the demo data holds a comma or a line break) and the amount column's sum. */
    record Lines(List<String[]> rows, BigDecimal total) {
        static Lines of(String csv) {
            String[] lines = csv.split("\r\n");
            List<String> header = List.of(lines[0].split(",", -1));
            int amount = header.indexOf("amount");
            List<String[]> rows = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                assertThat(f).as(lines[i]).hasSize(header.size());
                rows.add(f);
                total = total.add(new BigDecimal(f[amount]));
            }
            return new Lines(rows, total);
        }
    }

    @Test
    void aRegionsYearIsOneFileWithEveryLineOnce() throws Exception {
        JsonNode listing = json("/api/public/opendata?year=2024&region=" + DemoData.URUMQI);
        Set<String> listed = new HashSet<>();
        for (JsonNode d : listing) {
            listed.add(d.get("agencyCode").asText());
            assertThat(d.get("url").asText()).isEqualTo("/api/public/documents/" + d.get("id").asLong() + "/files/fdp");
        }
        assertThat(listed).contains(BUREAU, SME, SCITECH);

        JsonNode region = json("/api/public/opendata/" + DemoData.URUMQI + "/2024");
        Set<String> included = new HashSet<>(), through = new HashSet<>();
        region.get("included").forEach(d -> included.add(d.get("agencyCode").asText()));
        region.get("throughDepartment").forEach(d -> through.add(d.get("agencyCode").asText()));
        assertThat(included).contains(BUREAU, SCITECH).doesNotContain(SME);
        assertThat(through).contains(SME);
        assertThat(included).doesNotContainAnyElementsOf(through);

        // the CSV: a byte-order mark for the spreadsheet, then exactly the included versions' own lines
        byte[] csv = bytes(region.get("csvUrl").asText());
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        Lines all = Lines.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        int lines = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode d : region.get("included")) {
            Lines own = Lines.of(new String(unzip(bytes(d.get("url").asText())).get("data/lines.csv"), StandardCharsets.UTF_8));
            lines += own.rows().size();
            total = total.add(own.total());
        }
        assertThat(all.rows()).hasSize(lines);
        assertThat(all.total()).isEqualByComparingTo(total);
        // the SME center's lines are there once: inside the department's
        Lines sme = Lines.of(new String(unzip(bytes(urlOf(listing, SME))).get("data/lines.csv"), StandardCharsets.UTF_8));
        int unitCode = 3;   // fiscal_year, department_code, department_name, unit_code
        long smeRows = all.rows().stream().filter(r -> r[unitCode].equals(SME)).count();
        assertThat(smeRows).isEqualTo(sme.rows().size()).isPositive();

        // the package: the same lines, one descriptor naming every publisher
        Map<String, byte[]> pkg = unzip(bytes(region.get("packageUrl").asText()));
        assertThat(pkg.get("data/lines.csv")).isEqualTo(java.util.Arrays.copyOfRange(csv, 3, csv.length));
        JsonNode descriptor = JSON.readTree(pkg.get("datapackage.json"));
        assertThat(descriptor.get("name").asText()).isEqualTo("cn-650100-2024-budget");
        Set<String> publishers = new HashSet<>();
        region.get("included").forEach(d -> publishers.add(d.get("agencyName").asText()));
        assertThat(descriptor.get("contributors")).hasSize(publishers.size());   // each publisher once (two units may share a name)
        assertThat(descriptor.get("model").get("measures").get("amount").get("currency").asText()).isEqualTo("CNY");
    }

    static String urlOf(JsonNode listing, String agency) {
        for (JsonNode d : listing) if (d.get("agencyCode").asText().equals(agency)) return d.get("url").asText();
        throw new AssertionError(agency + " not listed");
    }

    @Test
    void aBadRegionOrAnEmptyYearSaysSoWithoutEchoingTheRequest() throws Exception {
        MvcResult bad = mvc.perform(get("/api/public/opendata/" + "650100-x/2024")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(404);
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("地区代码").doesNotContain("650100-x");
        MvcResult hostile = mvc.perform(get("/api/public/opendata?region=" + "%3Cscript%3E")).andReturn();
        assertThat(hostile.getResponse().getStatus()).isEqualTo(404);
        assertThat(hostile.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("script");
        MvcResult empty = mvc.perform(get("/api/public/opendata/" + DemoData.URUMQI + "/1999/csv")).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(404);
        assertThat(empty.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("没有1999年已公开的文档");
    }

    @Test
    void theDownloadPageOffersEachRegionsFilesToAnyone() throws Exception {
        MvcResult r = mvc.perform(get("/p/data?year=2024")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getRequest().getSession(false)).isNull();
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("数据下载", "乌鲁木齐", "/api/public/opendata/650100/2024/csv", "/api/public/opendata/650100/2024/fdp",
                "已含在其部门预算中");
    }
}
