package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.service.DemoData;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.RegistryService;
import org.openbudget.web.service.RegistryService.AgencyInput;
import org.openbudget.web.service.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The administrator's registry of regions, departments and units; account assignment; the demo's password file. */
class RegistryTest extends WebTestBase {
    @Autowired RegistryService registry;
    @Autowired AgencyRepository agencies;

    @Test
    void regionsDepartmentsAndUnitsAreCreatedEditedAndDeleted() {
        var admin = as("admin");
        registry.saveRegion(admin, "650400", "吐鲁番市");
        registry.saveAgency(admin, new AgencyInput("650400101", "吐鲁番市教育局", "部门", "行政", null, "650400", null));
        registry.saveAgency(admin, new AgencyInput("650400101001", "吐鲁番市第一中学", "单位", "事业", "650400101", "650400", 1));
        registry.saveAgency(admin, new AgencyInput("650400101001", "吐鲁番市第一中学（改）", "单位", "参公", "650400101", "650400", 1));
        assertThat(agencies.find("650400101001")).hasValueSatisfying(a -> {
            assertThat(a.name()).isEqualTo("吐鲁番市第一中学（改）");
            assertThat(a.type()).isEqualTo("参公");
            assertThat(a.parentCode()).isEqualTo("650400101");
        });
        assertThatThrownBy(() -> registry.saveAgency(admin, new AgencyInput("650400101002", "某校", "单位", "企业", "650400101", "650400", null)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("性质应为 行政、参公 或 事业");
        assertThatThrownBy(() -> registry.saveAgency(admin, new AgencyInput("650400101002", "某校", "单位", "事业", "650100417", "650400", null)))
                .as("a department of another region").hasMessageContaining("与单位的地区 650400 不同");
        assertThatThrownBy(() -> registry.saveAgency(admin, new AgencyInput("650400101002", "某校", "单位", "事业", "650100417003", "650100", null)))
                .hasMessageContaining("不是部门");
        assertThatThrownBy(() -> registry.saveAgency(admin, new AgencyInput("650400102", "某局", "部门", "行政", null, "999999", null)))
                .hasMessageContaining("地区代码 999999 不存在");
        assertThatThrownBy(() -> registry.deleteAgency(admin, "650400101")).hasMessageContaining("所属单位");
        assertThatThrownBy(() -> registry.deleteAgency(admin, SME)).hasMessageContaining("账号").hasMessageContaining("预算");
        registry.deleteAgency(admin, "650400101001");
        registry.deleteAgency(admin, "650400101");
        assertThat(agencies.find("650400101")).isEmpty();
        assertThatThrownBy(() -> registry.registry(as("reviewer"))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aListIsImportedWhollyOrNotAtAll() throws Exception {
        var admin = as("admin");
        String bad = "代码,名称,类别,性质,主管部门代码,地区代码,地区名称\n"
                + "650500101,哈密市财政局,部门,行政,,650500,哈密市\n"
                + "650500101001,哈密市某中心,单位,企业,650500101,650500,\n"
                + "650500101002,,单位,事业,650599999,650500,\n"
                + "650500101001,重复,单位,事业,650500101,650500,\n";
        assertThatThrownBy(() -> registry.importList(admin, "名录.csv", bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDatasetException.class, e -> {
                    assertThat(e.problems()).extracting(p -> p.line()).contains(3, 4, 5);
                    assertThat(e.problems().toString()).contains("性质应为", "名称不能为空", "主管部门 650599999 不存在", "与第 3 行重复");
                });
        assertThat(agencies.regions()).doesNotContainKey("650500");
        assertThat(agencies.find("650500101")).isEmpty();

        assertThatThrownBy(() -> registry.importList(admin, "名录.csv", "code,name\n1,x\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("表头不对");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var s = wb.createSheet("名录");
            String[][] rows = {RegistryService.COLUMNS.toArray(String[]::new),
                    {"650500101001", "哈密市某中心", "单位", "事业", "650500101", "650500", ""},
                    {"650500101", "哈密市财政局", "部门", "行政", "", "650500", "哈密市"}};
            for (int r = 0; r < rows.length; r++) for (int c = 0; c < rows[r].length; c++) s.createRow(r).getCell(c);
            for (int r = 0; r < rows.length; r++) {
                var row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
            }
            wb.write(xlsx);
        }
        var r = mvc.perform(MockMvcRequestBuilders.multipart("/admin/agencies/import")
                .file(new MockMultipartFile("file", "名录.xlsx", "application/octet-stream", xlsx.toByteArray())).with(user(as("admin"))).with(csrf())).andReturn();
        assertThat(r.getFlashMap().get("ok")).as(String.valueOf(r.getFlashMap().get("error"))).isNotNull();
        assertThat(r.getFlashMap().get("imported").toString()).contains("新建地区 1 个", "新建单位/部门 2 个");
        assertThat(agencies.find("650500101001")).hasValueSatisfying(a -> assertThat(a.parentCode()).isEqualTo("650500101"));
        assertThat(agencies.regions()).containsEntry("650500", "哈密市");
        String page = mvc.perform(MockMvcRequestBuilders.get("/admin/registry").with(user(as("admin")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("哈密市某中心", "导入名录");
    }

    @Test
    void anAccountIsAssignedToAnotherUnitOnTheAdminPage() throws Exception {
        admin().createAccount(as("admin"), new org.openbudget.web.service.AdminService.NewAccount("assignee", "Tianshan#Road9",
                org.openbudget.web.security.Role.PREPARER, BENJI, null, "x"));
        var r = mvc.perform(MockMvcRequestBuilders.post("/admin/accounts/assignee").with(user(as("admin"))).with(csrf())
                .param("role", "PREPARER").param("agencyCode", ENERGY).param("displayName", "节能中心 财务").param("enabled", "true")).andReturn();
        assertThat(r.getFlashMap().get("ok")).as(String.valueOf(r.getFlashMap().get("error"))).isNotNull();
        assertThat(as("assignee").agencyCode()).isEqualTo(ENERGY);
        var refused = mvc.perform(MockMvcRequestBuilders.post("/admin/accounts/assignee").with(user(as("admin"))).with(csrf())
                .param("role", "DEPARTMENT").param("agencyCode", ENERGY)).andReturn();
        assertThat(refused.getFlashMap().get("error").toString()).contains("不是部门");
    }

    @Autowired org.openbudget.web.service.AdminService adminService;

    org.openbudget.web.service.AdminService admin() { return adminService; }

    @Test
    void theDemoPasswordIsInAPrivateFileAndNowhereOnAPage() throws Exception {
        Path f = Path.of("target/test-db").toAbsolutePath().resolve(DemoData.PASSWORD_FILE);
        assertThat(f).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(Files.readString(f)).contains("demo2024", "sme", "reviewer");
        String local = mvc.perform(MockMvcRequestBuilders.get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(local).contains("演示账号", f.toString()).doesNotContain("demo2024");
        String remote = mvc.perform(MockMvcRequestBuilders.get("/login").with(r -> { r.setRemoteAddr("198.51.100.7"); return r; }))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(remote).contains("演示账号").doesNotContain(f.toString()).doesNotContain("demo2024");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/setup")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("初始设置已经完成").doesNotContain("name=\"password\"");
    }
}
