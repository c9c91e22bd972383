package org.openbudget.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.ledger.Agency;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.workbook.WorkbookLayout;
import org.openbudget.io.workbook.WorkbookTemplate;

/**
 * Issue 10 item 1: the forms and the workbook take their keys from the dictionary of measures and the profile. A
 * measure added to refdata/measures.yaml and stated by a profile's text (a --refdata directory: no Java, no build)
 * is written in the text, asked for in the web's 变动原因 and 上年数 forms and offered in the workbook's key lists.
 */
class MeasureAddedInDataTest {
    static final Path EXAMPLES = Path.of("../examples");

    @Test
    void aMeasureAddedInDataIsWrittenAskedForAndOfferedWithoutJava(@TempDir Path dir) throws Exception {
        // the dictionary: the built-in one and 会议费
        String measures = resource("refdata/measures.yaml");
        String meeting = "  meeting:            {name: 会议费, where: {eco: [\"30215\"]}}\n";
        measures = measures.replaceFirst("(?m)^measures:\n", "measures:\n" + meeting);
        Files.writeString(dir.resolve("measures.yaml"), measures, StandardCharsets.UTF_8);
        // the profile: 2024's, its 三公 change sentence listing 会议费 too, on last year and with a reason
        String anchor = "              - {key: tpe.reception,        measure: fiscal & tpe.reception,        label: 公务接待费}\n";
        String profile = resource("refdata/profiles/xinjiang-2024.yaml");
        assertThat(profile).contains(anchor);
        profile = profile.replace("id: xinjiang-2024", "id: meeting-2024")
                .replace(anchor, anchor + "              - {key: meeting,              measure: fiscal & meeting,              label: 会议费}\n");
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/meeting-2024.yaml"), profile, StandardCharsets.UTF_8);

        ReferenceLibrary lib = new ReferenceLibrary(dir);
        TemplateProfile p = lib.profile("meeting-2024");
        // the text states it (the derivation evaluates the new measure over the ledger)
        Workspace.Loaded doc = new Workspace(lib).loaded(new Workspace(lib).read(EXAMPLES.resolve("urumqi-industry-it-bureau-2024")), "meeting-2024");
        assertThat(doc.disclosure().text().fact("meeting", FactKind.CHANGE)).isPresent();
        // the workbook's reason keys and the web's forms ask for it, in the template's words
        assertThat(WorkbookLayout.changeKeys(p)).anySatisfy(k -> assertThat(k).containsExactly("meeting", "十 会议费"));
        assertThat(WorkbookLayout.changeKeys(lib.profile("xinjiang-2024"))).noneSatisfy(k -> assertThat(k[0]).isEqualTo("meeting"));
        FormOptions forms = new FormOptions(lib.year(2024), doc.budget(), doc.disclosure(), p);
        assertThat(forms.keyLabel("meeting")).isEqualTo("十 会议费");
        TextForm text = forms.complete(new TextForm(), null);
        assertThat(text.reasons).anySatisfy(r -> assertThat(r.key).isEqualTo("meeting"));
        LastYearForm last = forms.complete(new LastYearForm());
        assertThat(last.amounts).anySatisfy(r -> assertThat(r.key).isEqualTo("meeting"));
        // a blank workbook of the template offers it in its key list
        Path book = dir.resolve("blank.xlsx");
        new WorkbookTemplate(lib).write(new Agency("0012", "测试单位", AgencyKind.UNIT, AgencyType.PUBLIC_INSTITUTION), 2024, "meeting-2024", book);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(book))) {
            Name list = wb.getName(WorkbookLayout.LIST_REASON_KEYS);
            assertThat(listValues(wb, list.getRefersToFormula())).contains("meeting 十 会议费");
        }
    }

    private static List<String> listValues(XSSFWorkbook wb, String ref) {
        var area = new org.apache.poi.ss.util.AreaReference(ref, wb.getSpreadsheetVersion());
        var sheet = wb.getSheet(area.getFirstCell().getSheetName());
        List<String> out = new java.util.ArrayList<>();
        for (int r = area.getFirstCell().getRow(); r <= area.getLastCell().getRow(); r++) {
            var row = sheet.getRow(r);
            if (row == null) continue;
            var c = row.getCell(area.getFirstCell().getCol());
            if (c != null) out.add(c.getStringCellValue());
        }
        return out;
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = MeasureAddedInDataTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
