package org.openbudget.web.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openbudget.web.db.repositories.AccountRepository;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.DocumentRepository;
import org.openbudget.web.db.repositories.DocumentRepository.ConsolidatedUnit;
import org.openbudget.web.db.repositories.Status;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the three examples as published demo documents — the SME center and the sci-tech center as
 * units, the industry bureau as a department of four units — and one demo account per role, on a
 * database with no account yet: with {@code budget.demo=true} ({@code ./budget serve --demo}), or with
 * {@code auto} (the default) on a brand-new embedded database, so that {@code ./budget serve} shows a
 * newcomer a working site. Never with {@code false} ({@code --no-demo}): the first administrator is then
 * made by {@code ./budget admin create} or on the setup page.
 *
 * <p>The demo accounts' password ({@code budget.demo.password}, generated when not given) is printed
 * nowhere: it is written to {@value #PASSWORD_FILE} in the data directory (readable by its owner only),
 * which the login page tells a visitor on the server's own machine to read.
 */
@Component
public class DemoData implements ApplicationRunner {
    public static final String PASSWORD_FILE = "demo-accounts.txt";
    public static final String URUMQI = "650100";
    public static final String KARAMAY = "650200";
    /** The province: its inspector reads the batches of the regions under it (codes 65xxxx). */
    public static final String XINJIANG = "650000";
    public static final String BUREAU = "650100417";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** username, role, agency or region, display name */
    public static final List<String[]> ACCOUNTS = List.of(
            new String[] {"admin", "ADMIN", "", "系统管理员"},
            new String[] {"sme", "PREPARER", "650100417003", "中小企业服务中心 财务"},
            new String[] {"benji", "PREPARER", "650100417001", "工信局本级 财务"},
            new String[] {"energy", "PREPARER", "650100417002", "节能监察中心 财务"},
            new String[] {"projects", "PREPARER", "650100417004", "项目中心 财务"},
            new String[] {"scitech", "PREPARER", "650100416003", "科技信息服务中心 财务"},
            new String[] {"industry", "DEPARTMENT", BUREAU, "工信局 部门财务"},
            new String[] {"reviewer", "REVIEWER", URUMQI, "乌鲁木齐市财政局 审核人"},
            new String[] {"karamay", "REVIEWER", KARAMAY, "克拉玛依市财政局 审核人"},
            new String[] {"inspector", "INSPECTOR", XINJIANG, "自治区财政厅 检查人"});

    private final String mode;
    private final String password;
    private final java.nio.file.Path dataDir;
    private final org.openbudget.web.db.DatabaseConfig.EmbeddedDb embedded;
    private final AccountRepository accounts;
    private final AgencyRepository agencies;
    private final DocumentRepository documents;
    private final AuditLogRepository audit;
    private final WorkflowService workflow;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;

    public DemoData(@Value("${budget.demo:auto}") String mode, @Value("${budget.demo.password:}") String password,
                    @Value("${budget.data-dir:data}") String dataDir, org.openbudget.web.db.DatabaseConfig.EmbeddedDb embedded,
                    AccountRepository accounts, AgencyRepository agencies,
                    DocumentRepository documents, AuditLogRepository audit, WorkflowService workflow, PasswordEncoder encoder, TransactionTemplate tx) {
        this.mode = mode.trim().toLowerCase(java.util.Locale.ROOT);
        this.password = password.isBlank() ? "Demo-" + org.openbudget.web.db.embedded.DatabaseCredentials.generate().substring(0, 12) : password;
        this.dataDir = java.nio.file.Path.of(dataDir).toAbsolutePath().normalize();
        this.embedded = embedded;
        this.accounts = accounts;
        this.agencies = agencies;
        this.documents = documents;
        this.audit = audit;
        this.workflow = workflow;
        this.encoder = encoder;
        this.tx = tx;
    }

    /** Whether this start loads the demo: asked for, or by default on a brand-new embedded database; never over existing accounts. */
    boolean wanted() {
        if (accounts.count() > 0) return false;
        return switch (mode) {
            case "true", "yes", "on" -> true;
            case "auto", "" -> embedded.pg() != null && embedded.fresh();
            default -> false;
        };
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!wanted()) return;
        tx.executeWithoutResult(s -> load());
        try {
            writePasswordFile();
            log.info("已载入演示数据：三份示例预算与演示账号；演示账号的密码见 {} (demo data loaded; the demo accounts' password is in that file)",
                    passwordFile(dataDir));
        } catch (IOException e) {
            log.warn("无法写出演示账号密码文件 {}：{}", passwordFile(dataDir), e.getMessage());
        }
    }

    public static java.nio.file.Path passwordFile(java.nio.file.Path dataDir) {
        return dataDir.resolve(PASSWORD_FILE);
    }

    private void writePasswordFile() throws IOException {
        java.nio.file.Files.createDirectories(dataDir);
        java.nio.file.Path f = passwordFile(dataDir);
        java.nio.file.Files.deleteIfExists(f);
        try {
            java.nio.file.Files.createFile(f, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            java.nio.file.Files.createFile(f);
        }
        StringBuilder b = new StringBuilder("部门预算公开 演示账号（仅演示数据；正式使用前请在“系统管理”中停用它们，或换一个空的数据目录）\n")
                .append("密码（所有演示账号相同）：").append(password).append("\n\n");
        for (String[] a : ACCOUNTS) b.append(a[0]).append('\t').append(Role.valueOf(a[1]).label()).append('\t').append(a[3]).append('\n');
        java.nio.file.Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
    }

    void load() {
        agencies.upsertRegion(URUMQI, "乌鲁木齐市");
        agencies.upsertRegion(KARAMAY, "克拉玛依市");
        agencies.upsertRegion(XINJIANG, "新疆维吾尔自治区");
        Agency bureau = new Agency(BUREAU, "乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）", "部门", "行政", URUMQI, null, 0);
        agencies.upsert(bureau);
        String dir = "demo/urumqi-industry-it-bureau-2024/";
        Object[][] units = {
                {"650100417001", "乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）", "行政", dir + "benji.yaml", 1},
                {"650100417002", "乌鲁木齐市节能监察中心", "事业", dir + "energy-center.yaml", 2},
                {"650100417003", "乌鲁木齐市中小企业服务中心", "事业", "demo/urumqi-sme-center-2024/dataset.yaml", 3},
                {"650100417004", "乌鲁木齐市工业和信息化项目中心", "事业", dir + "project-center.yaml", 4}};
        for (Object[] u : units) agencies.upsert(new Agency((String) u[0], (String) u[1], "单位", (String) u[2], URUMQI, BUREAU, (Integer) u[4]));
        Agency scitech = new Agency("650100416003", "乌鲁木齐科技信息服务中心", "单位", "事业", URUMQI, null, 0);
        agencies.upsert(scitech);

        for (String[] a : ACCOUNTS) {
            Role role = Role.valueOf(a[1]);
            accounts.insert(new BudgetUser(a[0], encoder.encode(password), role,
                    role == Role.PREPARER || role == Role.DEPARTMENT ? a[2] : null, role == Role.REVIEWER || role == Role.INSPECTOR ? a[2] : null, a[3], true));
        }

        // the bureau's four units: approved, consolidated into the published department document;
        // the SME center and the sci-tech center also published their own unit documents
        List<ConsolidatedUnit> snapshot = new java.util.ArrayList<>();
        for (Object[] u : units) {
            Status s = u[0].equals("650100417003") ? Status.PUBLISHED : Status.APPROVED;
            String yaml = read((String) u[3]);
            Document d = documents.create((String) u[0], 2024, s, yaml, profileOf((String) u[3], yaml), "演示数据");
            snapshot.add(new ConsolidatedUnit(d.agencyCode(), d.rowVersion(), d.source()));
        }
        publishUnit(workflow.agency("650100417003"));
        // the department's own dataset (its text part) from the example, its units replaced by the consolidated ones
        String deptYaml = read(dir + "dataset.yaml");
        Document dept = documents.create(BUREAU, 2024, Status.PUBLISHED,
                WorkflowService.withUnits(deptYaml, snapshot), profileOf(dir + "dataset.yaml", deptYaml), "演示数据");
        documents.replaceConsolidation(dept.id(), snapshot);
        workflow.publishNow(bureau, dept, "演示数据");
        audit.record("演示数据", "发布", BUREAU, 2024, "示例：第 1 版");
        String scitechFile = "demo/urumqi-sci-tech-info-center-2024/dataset.yaml", scitechYaml = read(scitechFile);
        documents.create(scitech.code(), 2024, Status.PUBLISHED, scitechYaml, profileOf(scitechFile, scitechYaml), "演示数据");
        publishUnit(scitech);
    }

    /** Publishes a demo unit document (created PUBLISHED, so the consolidation's row version stays current). */
    private void publishUnit(Agency a) {
        Document d = documents.find(a.code(), 2024).orElseThrow();
        workflow.publishNow(a, d, "演示数据");
        audit.record("演示数据", "发布", a.code(), 2024, "示例：第 1 版");
    }

    /** The template profile a demo dataset names (its {@code profile:}): the examples' own, not one written here. */
    private static String profileOf(String resource, String yaml) {
        return org.openbudget.io.yaml.YamlNode.parse(resource, yaml).string("profile");
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("演示数据缺失 " + resource, e);
        }
    }
}
