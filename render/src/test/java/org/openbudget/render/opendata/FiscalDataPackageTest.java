package org.openbudget.render.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.io.Workspace;
import org.openbudget.render.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every example as a Fiscal Data Package: a valid descriptor (the FDP 0.3 model over a Tabular Data
 * Package), a CSV that its Table Schema describes, and lines that sum back to the published tables.
 */
class FiscalDataPackageTest {
    static List<String> examples() { return Fixtures.EXAMPLES; }

    /** The package's files by name. */
    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    static byte[] write(Workspace.Loaded l, String basis) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FiscalDataPackage.write(l.budget(), l.ref(), basis, out);
        return out.toByteArray();
    }

    /** A CSV of RFC 4180: fields, quoted ones with doubled quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { row.add(f.toString()); f.setLength(0); }
            else if (c == '\r') { /* part of \r\n */ }
            else if (c == '\n') { row.add(f.toString()); f.setLength(0); rows.add(row); row = new ArrayList<>(); }
            else f.append(c);
        }
        assertThat(f.length() == 0 && row.isEmpty()).as("the CSV ends with a line break").isTrue();
        return rows;
    }

    /** The descriptor against the Fiscal Data Package 0.3 rules (frictionlessdata.io/specs/fiscal-data-package). */
    static void assertValidFdp(JsonNode d) {
        for (String required : List.of("name", "title", "resources", "model")) assertThat(d.has(required)).as(required).isTrue();
        assertThat(d.get("name").asText()).matches("[a-z0-9._-]+");   // a url-compatible slug
        assertThat(d.get("countryCode").asText()).matches("[A-Z]{2}");
        Map<String, Set<String>> fieldsOf = new HashMap<>();
        for (JsonNode r : d.get("resources")) {
            assertThat(r.get("name").asText()).matches("[a-z0-9._-]+");
            assertThat(r.get("path").asText()).endsWith(".csv");   // data MUST be CSV
            Set<String> names = new HashSet<>();
            for (JsonNode f : r.get("schema").get("fields")) {
                assertThat(names.add(f.get("name").asText())).as("field names are unique").isTrue();
                assertThat(f.get("type").asText()).isIn("string", "number", "integer", "date", "year", "boolean");
            }
            fieldsOf.put(r.get("name").asText(), names);
        }
        String firstResource = d.get("resources").get(0).get("name").asText();
        JsonNode measures = d.get("model").get("measures");
        assertThat(measures.size()).isPositive();
        for (JsonNode m : measures) {
            assertThat(fieldsOf.get(m.path("resource").asText(firstResource))).contains(m.get("source").asText());
            assertThat(m.get("currency").asText()).matches("[A-Z]{3}");   // ISO 4217
            if (m.has("phase")) assertThat(m.get("phase").asText()).isIn("proposed", "approved", "adjusted", "executed");
            if (m.has("direction")) assertThat(m.get("direction").asText()).isIn("expenditure", "revenue");
            if (m.has("factor")) assertThat(m.get("factor").isNumber()).isTrue();
        }
        JsonNode dims = d.get("model").get("dimensions");
        assertThat(dims.size()).isPositive();
        for (Iterator<Map.Entry<String, JsonNode>> it = dims.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode dim = e.getValue();
            JsonNode attrs = dim.get("attributes");
            assertThat(attrs.size()).as(e.getKey()).isPositive();
            for (Iterator<Map.Entry<String, JsonNode>> a = attrs.fields(); a.hasNext(); ) {
                Map.Entry<String, JsonNode> at = a.next();
                JsonNode x = at.getValue();
                assertThat(x.has("source") ^ x.has("constant")).as(e.getKey() + "." + at.getKey() + ": source or constant").isTrue();
                if (x.has("source")) assertThat(fieldsOf.get(x.path("resource").asText(firstResource))).contains(x.get("source").asText());
                if (x.has("labelfor")) assertThat(attrs.has(x.get("labelfor").asText())).isTrue();
                if (x.has("parent")) assertThat(attrs.has(x.get("parent").asText())).isTrue();
            }
            JsonNode key = dim.get("primaryKey");
            List<String> keys = new ArrayList<>();
            if (key.isArray()) key.forEach(k -> keys.add(k.asText())); else keys.add(key.asText());
            assertThat(keys).isNotEmpty().allMatch(attrs::has);
            if (dim.has("dimensionType"))
                assertThat(dim.get("dimensionType").asText()).isIn("datetime", "entity", "classification", "activity", "fact", "location", "other");
            if (dim.has("classificationType")) assertThat(dim.get("classificationType").asText()).isIn("administrative", "functional", "economic");
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theLinesSumBackToThePublishedTables(String example) throws Exception {
        Workspace.Loaded l = Fixtures.load(example);
        byte[] zip = write(l, "预算");
        assertThat(write(l, "预算")).as("the same budget gives the same bytes").isEqualTo(zip);
        Map<String, byte[]> files = unzip(zip);
        JsonNode d = new ObjectMapper().readTree(files.get("datapackage.json"));
        assertValidFdp(d);
        assertThat(d.get("model").get("measures").get("amount").get("phase").asText()).isEqualTo("approved");

        List<List<String>> rows = parse(new String(files.get(d.get("resources").get(0).get("path").asText()), StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        List<String> schema = new ArrayList<>();
        d.get("resources").get(0).get("schema").get("fields").forEach(f -> schema.add(f.get("name").asText()));
        assertThat(header).isEqualTo(schema);
        assertThat(rows).hasSize(l.budget().allLines().size() + 1);
        int amount = header.indexOf("amount"), func = header.indexOf("func_class_code"), code = header.indexOf("func_code");

        // exact: the lines' 元 are the ledger's 分
        long fen = 0;
        Map<String, BigDecimal> byClass = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertThat(r).hasSize(header.size());
            assertThat(r.get(amount)).matches("-?\\d+\\.\\d{2}");
            assertThat(r.get(code)).startsWith(r.get(func));
            BigDecimal yuan = new BigDecimal(r.get(amount));
            fen += yuan.movePointRight(2).longValueExact();
            byClass.merge(r.get(func), yuan, BigDecimal::add);
        }
        assertThat(fen).isEqualTo(l.budget().allLines().stream().mapToLong(x -> x.amountFen()).sum());

        // and they sum back to the expense table as printed (万元, two decimals): 类 by 类, and its total
        TableTemplate tpl = l.profile().tableById("expense").orElseThrow();
        DisclosureTable t = l.disclosure().table(tpl.no()).orElseThrow();
        int checked = 0;
        for (Row r : t.rows()) {
            if (r.kind() == RowKind.CLASS && r.code().length() == 3 && r.unit().isEmpty()) {
                BigDecimal wan = byClass.getOrDefault(r.code(), BigDecimal.ZERO).movePointLeft(4);
                assertThat(wan.subtract(r.value(0)).abs()).as(r.label()).isLessThanOrEqualTo(new BigDecimal("0.005"));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(byClass.size());
    }

    @Test
    void aFinalAccountsPackageIsOfTheExecutedPhase() throws Exception {
        Workspace.Loaded l = Fixtures.load(Fixtures.EXAMPLES.get(0));
        JsonNode d = new ObjectMapper().readTree(unzip(write(l, "决算")).get("datapackage.json"));
        assertValidFdp(d);
        assertThat(d.get("model").get("measures").get("amount").get("phase").asText()).isEqualTo("executed");
        assertThat(d.get("name").asText()).endsWith("-final");
    }

    @Test
    void aFieldWithACommaOrQuoteIsQuoted() {
        assertThat(FiscalDataPackage.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(FiscalDataPackage.field("他说\"好\"")).isEqualTo("\"他说\"\"好\"\"\"");
        assertThat(parse("x,y\r\n\"a,b\",\"c\"\"d\"\r\n").get(1)).containsExactly("a,b", "c\"d");
    }

    /** A region's year as one package: every member's lines once, under one valid descriptor naming every publisher. */
    @Test
    void manyPackagesMakeOneWithEveryLineOnce() throws Exception {
        List<FiscalDataPackage.Member> members = new ArrayList<>();
        long fen = 0;
        int lines = 0;
        for (String example : Fixtures.EXAMPLES) {
            Workspace.Loaded l = Fixtures.load(example);
            members.add(new FiscalDataPackage.Member(l.budget().agency().name(), write(l, "预算")));
            for (var u : l.budget().memberUnits()) for (var line : u.allLines()) { fen += line.amountFen(); lines++; }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FiscalDataPackage.writeCollection("cn-650100-2024", "2024年乌鲁木齐市部门预算明细", "全市", 2024, "预算", members, out);
        Map<String, byte[]> files = unzip(out.toByteArray());
        JsonNode d = new ObjectMapper().readTree(files.get("datapackage.json"));
        assertValidFdp(d);
        assertThat(d.get("contributors")).hasSize(members.size());
        List<List<String>> rows = parse(new String(files.get("data/lines.csv"), StandardCharsets.UTF_8));
        assertThat(rows).hasSize(lines + 1);
        assertThat(rows.stream().filter(r -> r.get(0).equals("fiscal_year"))).hasSize(1);   // the header once
        int amount = rows.get(0).indexOf("amount");
        assertThat(rows.stream().skip(1).map(r -> new BigDecimal(r.get(amount))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(BigDecimal.valueOf(fen, 2));

        // for a spreadsheet: the same lines after a byte-order mark
        byte[] excel = FiscalDataPackage.linesCsv(members, true);
        assertThat(excel).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(java.util.Arrays.copyOfRange(excel, 3, excel.length)).isEqualTo(files.get("data/lines.csv"));

        // a member that is not one of our packages is named
        List<FiscalDataPackage.Member> bad = List.of(members.get(0), new FiscalDataPackage.Member("某单位", "not a zip".getBytes(StandardCharsets.UTF_8)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FiscalDataPackage.linesCsv(bad, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("某单位");
    }
}
