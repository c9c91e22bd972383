package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole flow in headless Chromium (Debian's chromium and chromium-driver; skipped when they are
 * absent): the SME center corrects its published 2024 budget (first an upload with an error, then
 * the fix in the ledger form, a typo on the way shown at its field), submits; the department
 * consolidates, writes a reason of its own text, consolidates again (the text stays) and submits; the bureau returns it, the
 * department resubmits, the bureau approves and publishes version 2; the public downloads it.
 * A screenshot of each main page goes to target/screenshots (and to -Dscreenshots.dir, e.g. docs/screenshots); the harness is
 * {@link Browser}.
 */
class BrowserFlowTest extends WebTestBase {
    static Browser browser;
    static WebDriver driver;

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired org.openbudget.web.db.repositories.AgencyRepository agencies;

    @BeforeAll
    static void browser() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are not installed");
        browser = new Browser();
        driver = browser.driver;
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.close();
    }

    String url(String path) { return browser.at(port).url(path); }

    WebElement el(String css) { return browser.el(css); }

    String text() { return browser.text(); }

    void shot(String name) throws Exception { browser.shot(name); }

    void login(String user) {
        browser.at(port).login(user, "demo2024");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/work"));
    }

    void logout() { browser.logout(); }

    /** Clicks and waits until the next page has replaced this one. */
    void press(String id) { browser.press(id); }

    void clickAndWait(WebElement e) { browser.clickAndWait(e); }

    @Test
    void correctionFromUploadToPublicDownload() throws Exception {
        // the public portal
        driver.get(url("/"));
        assertThat(text()).contains("乌鲁木齐市中小企业服务中心").contains("乌鲁木齐市工业和信息化局");
        shot("01-portal");
        clickAndWait(driver.findElement(By.linkText("乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）")));
        el("#document");
        assertThat(text()).contains("表7").contains("下载").contains("支出按功能分类");
        shot("02-public-document");

        // the SME center: an upload with an error, located; then the fix
        login("sme");
        shot("03-workspace-unit");
        driver.get(url("/work/" + SME + "/2024"));
        String good = smeDataset().replace("amount: \"643400\"", "amount: \"653400\"");
        assertThat(good).isNotEqualTo(smeDataset());
        String bad = good.replace("fund_source: GPB, amount: \"129200\"", "fund_source: GBP, amount: \"129200\"");
        Path badFile = Files.createTempFile("sme-2024-", ".yaml");
        Files.writeString(badFile, bad, StandardCharsets.UTF_8);
        el("#file").sendKeys(badFile.toString());
        press("upload");
        int line = WorkflowServiceTest.lineOf(bad, "GBP");
        assertThat(el(".flash.error").getText()).contains("未保存").contains(" 第 " + line + " 行「").contains("资金来源").contains("GBP")
                .doesNotContain("fund_source");
        shot("04-upload-error-located");
        // the fix through the 预算明细 form: 215 08 99 基本工资 643 400 → 653 400 元; a typo first, shown at its field live
        driver.get(url("/work/" + SME + "/2024?tab=lines"));
        WebElement amount = el("input[name='lines[2].amount']");
        assertThat(amount.getAttribute("value")).isEqualTo("643400");
        assertThat(el("#form-lines").getText()).contains("其他支持中小企业发展和管理支出").contains("基本工资");
        // a row added starts as the last one (功能分类项, nature, project, source); marked deleted, it is left out
        driver.findElement(By.cssSelector("button[data-add='lines']")).click();
        WebElement added = el("tr[data-row='lines[19]']");
        assertThat(added.findElement(By.cssSelector("input[name='lines[19].funcCode']")).getAttribute("value")).isEqualTo("2060499");
        assertThat(added.findElement(By.cssSelector(".cname")).getText()).isEqualTo("其他技术研究与开发支出");
        added.findElement(By.cssSelector("input[name='lines[19].deleted']")).click();
        assertThat(added.getAttribute("class")).contains("deleted");
        amount.clear();
        amount.sendKeys("65340O");
        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='lines[2].amount'] + .ferr")));
        assertThat(error.getText()).contains("金额应为数字").contains("65340O");
        assertThat(amount.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(el("#live").getText()).contains("1 处错误");
        shot("05-unit-forms-live-checks");
        amount.clear();
        amount.sendKeys("653400");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "错误 0"));
        assertThat(driver.findElements(By.cssSelector("#form-lines .ferr"))).isEmpty();
        assertThat(el("#total-all").getText()).isEqualTo("3,051,500.00");
        press("save-lines");
        assertThat(el(".flash.ok").getText()).contains("已保存");
        assertThat(el("#status").getText()).isEqualTo("草稿");
        assertThat(el("input[name='lines[2].amount']").getAttribute("value")).isEqualTo("653400");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "错误 0"));
        driver.get(url("/work/" + SME + "/2024/preview"));
        // the page as it will be published (its cover, 目录, every part and table) under the preview's bar
        assertThat(text()).contains("预览（未发布）", "乌鲁木齐市中小企业服务中心", "2024年单位预算公开", "目 录", "第一部分", "表1", "表11");
        shot("06-preview");
        driver.get(url("/work/" + SME + "/2024"));
        el("#submit-comment").sendKeys("更正：215 08 99 基本工资");
        press("submit");
        assertThat(el("#status").getText()).isEqualTo("已提交待审核");
        logout();

        // the department consolidates its four units and submits
        login("industry");
        driver.get(url("/work/" + BUREAU + "/2024"));
        press("consolidate");
        assertThat(el("#unit-table").getText()).contains("乌鲁木齐市中小企业服务中心").doesNotContain("未提交").doesNotContain("缺失");
        // its own text: a reason edited in the 文字 form is kept through a new consolidation
        driver.get(url("/work/" + BUREAU + "/2024?tab=text"));
        WebElement running = el("input[aria-label='十二 机关运行经费／事业单位运行经费 主要原因']");
        running.clear();
        running.sendKeys("本年度严格控制一般性支出");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "实时审核"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", running);
        shot("07-department-text-form");
        press("save-text");
        assertThat(el(".flash.ok").getText()).contains("已保存「文字」");
        press("consolidate");
        driver.get(url("/work/" + BUREAU + "/2024?tab=text"));
        assertThat(el("input[aria-label='十二 机关运行经费／事业单位运行经费 主要原因']").getAttribute("value")).isEqualTo("本年度严格控制一般性支出");
        el("#submit-comment").sendKeys("汇总四个单位");
        press("submit");
        assertThat(el("#status").getText()).isEqualTo("已提交待审核");
        shot("07-department");
        logout();

        // the bureau returns it with a comment
        login("reviewer");
        assertThat(text()).contains("错误 0");
        shot("08-bureau-submissions");
        driver.get(url("/work/" + BUREAU + "/2024"));
        el("#return-comment").sendKeys("请核对基本工资的调整说明");
        press("return");
        assertThat(el("#status").getText()).isEqualTo("已退回");
        logout();

        // the department resubmits; the bureau approves and publishes version 2
        login("industry");
        driver.get(url("/work/" + BUREAU + "/2024"));
        assertThat(el("#review-comment").getText()).isEqualTo("请核对基本工资的调整说明");
        el("#submit-comment").sendKeys("已补充说明");
        press("submit");
        logout();
        login("reviewer");
        // a department is approved only on approved units: the corrected SME center first
        driver.get(url("/work/" + SME + "/2024"));
        press("approve");
        assertThat(el("#status").getText()).isEqualTo("审核通过");
        driver.get(url("/work/" + BUREAU + "/2024"));
        press("approve");
        assertThat(el("#status").getText()).isEqualTo("审核通过");
        shot("09-bureau-review");
        // a correction: its public reason is required (the browser will not send the form without it)
        el("#correction-reason").sendKeys("中小企业服务中心基本工资科目更正");
        el("#publish-confirm").click();
        press("publish");
        assertThat(el("#status").getText()).isEqualTo("已发布");
        assertThat(text()).contains("第 2 版").contains("已被取代").contains("更正说明：中小企业服务中心基本工资科目更正");
        logout();

        // the public sees version 2, the superseded version 1, and downloads
        driver.get(url("/?q=工业和信息化局"));
        clickAndWait(driver.findElement(By.partialLinkText("工业和信息化局")));
        el("#document");
        assertThat(text()).contains("第 2 版").contains("当前版本").contains("已被取代");
        String json = driver.findElement(By.cssSelector("a[href$='/files/json']")).getAttribute("href");
        HttpResponse<String> dl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(dl.statusCode()).isEqualTo(200);
        assertThat(dl.body()).contains("\"tables\"").contains("工业和信息化局");
        shot("10-public-version-2");

        // the audit page reads a published document's text back and checks it
        Path published = Path.of("../../shared/examples/urumqi-sme-center-2024.txt");
        if (Files.exists(published)) {
            driver.get(url("/audit"));
            el("#file").sendKeys(published.toRealPath().toString());
            clickAndWait(driver.findElement(By.cssSelector("form.card button[type=submit]")));
            assertThat(el("table.grid").getText()).contains("级别");
            assertThat(text()).contains("乌鲁木齐市中小企业服务中心").contains("读回 11 张表");
            shot("11-audit");
        }

        // the administrator
        login("admin");
        driver.get(url("/admin"));
        assertThat(text()).contains("账号").contains("审核公式级别").contains("C.func.unknown");
        shot("12-admin");
        logout();
    }

    /**
     * The region's batch in the browser (issue 14): the reviewer uploads a zip holding the SME centre's 2024 预算 as our renderer
     * prints it with one amount of its 收支总表 changed, watches the job finish, opens the dashboard and the centre's card, opens
     * an error on its page (the page drawn, the cell framed), and exports the table to Excel, read back.
     */
    @Test
    void aRegionsBatchFromAZipToTheFindingOnItsPage() throws Exception {
        driver.manage().deleteAllCookies();
        var lib = org.openbudget.io.refdata.ReferenceLibrary.standard();
        var l = new org.openbudget.io.Workspace(lib).load(Path.of("../examples/urumqi-sme-center-2024"));
        var d = l.disclosure();
        var t = d.tables().get(0);
        java.util.List<org.openbudget.core.disclosure.Row> rows = new java.util.ArrayList<>(t.rows());
        int at = 0;
        while (rows.get(at).values().isEmpty() || rows.get(at).values().get(0) == null || rows.get(at).values().get(0).signum() == 0) at++;
        var r = rows.get(at);
        java.util.List<java.math.BigDecimal> v = new java.util.ArrayList<>(r.values());
        v.set(0, v.get(0).add(java.math.BigDecimal.ONE));
        rows.set(at, new org.openbudget.core.disclosure.Row(r.side(), r.kind(), r.key(), r.code(), r.name(), r.project(), r.unit(), v, r.origin()));
        var tables = new java.util.ArrayList<>(d.tables());
        tables.set(0, new org.openbudget.core.disclosure.DisclosureTable(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote(), t.id(), t.mark()));
        var planted = new org.openbudget.core.disclosure.Disclosure(d.unitName(), d.kind(), d.year(), d.profileId(), tables, d.text(), d.origin());
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        org.openbudget.render.Renderers.of(org.openbudget.render.Format.PDF).write(new org.openbudget.render.layout.DocumentView(planted, l.profile()), pdf);
        Path zip = Files.createTempFile("乌鲁木齐市-", ".zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            z.putNextEntry(new java.util.zip.ZipEntry("2024/中小企业服务中心.pdf"));
            z.write(pdf.toByteArray());
            z.closeEntry();
        }

        // a region of its own (other tests register more agencies of the centre's name in 乌鲁木齐市), its reviewer
        String region = "659903", who = "browser-batch";
        if (accounts.find(who).isEmpty()) {
            agencies.upsertRegion(region, "浏览器测试市");
            agencies.upsert(new org.openbudget.web.db.repositories.Agency("659903001003", "乌鲁木齐市中小企业服务中心", "单位", "事业", region, null, 0));
            accounts.insert(new org.openbudget.web.security.BudgetUser(who, "{noop}Browser-batch-2024", org.openbudget.web.security.Role.REVIEWER, null, region,
                    "浏览器测试审核人", true));
        }
        browser.at(port).login(who, "Browser-batch-2024");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/work"));
        driver.get(url("/batch"));
        el("#files").sendKeys(zip.toAbsolutePath().toString());
        browser.type("#title", "浏览器：乌鲁木齐市 2024");
        press("batch-upload");
        // the progress: the page follows the job (script) until it is done
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(x -> text().contains("已完成"));
        assertThat(text()).contains("已审核 1 / 1 个文档", "乌鲁木齐市中小企业服务中心");
        shot("20-batch-job");

        clickAndWait(driver.findElement(By.linkText("2024 年")));
        assertThat(text()).contains("公开情况看板", "综合得分", "一致性（10）", "及时性（10）");
        shot("21-dashboard");
        clickAndWait(driver.findElement(By.linkText("乌鲁木齐市中小企业服务中心")));
        assertThat(text()).contains("综合得分", "准确性（权重 40）");
        WebElement onPage = el("a.on-page");
        clickAndWait(onPage);
        WebElement focus = el("#page-figure .box.focus");
        assertThat(focus.isDisplayed()).isTrue();
        Object loaded = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var i = document.querySelector('#page-figure img'); return i.complete && i.naturalWidth > 0;");
        assertThat(loaded).isEqualTo(Boolean.TRUE);
        // the frame lies on the picture, where the changed row is printed
        var img = driver.findElement(By.cssSelector("#page-figure img")).getRect();
        var box = focus.getRect();
        assertThat(box.getWidth()).isPositive();
        assertThat(box.getX()).isBetween(img.getX(), img.getX() + img.getWidth());
        assertThat(box.getY()).isBetween(img.getY(), img.getY() + img.getHeight());
        assertThat(text()).contains("本页的问题");
        shot("22-finding-on-page");

        // the export, with this browser's session, read back
        String cookie = driver.manage().getCookieNamed("JSESSIONID").getValue();
        var res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/dashboard/2024/export.xlsx"))).header("Cookie", "JSESSIONID=" + cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(res.body()))) {
            var sheet = wb.getSheet("批量审核");
            java.util.List<String> header = BatchAuditTest.cells(sheet.getRow(0));
            int unit = header.indexOf("单位"), errors = header.indexOf("错误");
            // the SME center's rows (other tests' batches of the region and year may hold its other documents, such as its 决算)
            java.util.List<Double> smeErrors = new java.util.ArrayList<>();
            for (var row : sheet)
                if (row.getRowNum() > 0 && BatchAuditTest.cells(row).get(unit).equals("乌鲁木齐市中小企业服务中心")) smeErrors.add(row.getCell(errors).getNumericCellValue());
            assertThat(smeErrors).as("the planted error").anySatisfy(n -> assertThat(n).isPositive());
            assertThat(wb.getSheet("审核结果").getLastRowNum()).isPositive();
        }
        logout();
    }
}
