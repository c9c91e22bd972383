package org.openbudget.web.api;

import java.util.List;

import org.openbudget.core.check.Severity;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.ReferenceDataRepository;
import org.openbudget.web.db.repositories.RegionProfileRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.service.AdminService;
import org.openbudget.web.service.AdminService.AccountDto;
import org.openbudget.web.service.AdminService.CheckSetting;
import org.openbudget.web.service.AdminService.NewAccount;
import org.openbudget.web.service.ReferenceDataService;
import org.openbudget.web.service.RegionProfileService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin", description = "系统管理：账号、参考数据、模板、审核级别")
public class AdminApi {
    private final AdminService admin;
    private final ReferenceDataService refdata;
    private final RegionProfileService regionProfiles;

    private final org.openbudget.web.service.RegistryService registry;

    public AdminApi(AdminService admin, ReferenceDataService refdata, RegionProfileService regionProfiles,
                    org.openbudget.web.service.RegistryService registry) {
        this.registry = registry;
        this.admin = admin;
        this.refdata = refdata;
        this.regionProfiles = regionProfiles;
    }

    @GetMapping("/accounts")
    @Operation(summary = "账号列表")
    public List<AccountDto> accounts(@AuthenticationPrincipal BudgetUser u) { return admin.accounts(u); }

    @PostMapping("/accounts")
    @Operation(summary = "新建账号（密码以 bcrypt 哈希保存）")
    public AccountDto create(@AuthenticationPrincipal BudgetUser u, @RequestBody NewAccount n) { return admin.createAccount(u, n); }

    @PutMapping("/accounts/{username}")
    @Operation(summary = "修改账号（角色、单位、地区、停用）")
    public void update(@AuthenticationPrincipal BudgetUser u, @PathVariable String username, @RequestBody AccountDto a) { admin.updateAccount(u, username, a); }

    public record Password(String password) {}

    @PostMapping("/accounts/{username}/password")
    @Operation(summary = "重置密码")
    public void password(@AuthenticationPrincipal BudgetUser u, @PathVariable String username, @RequestBody Password p) { admin.resetPassword(u, username, p.password()); }

    @GetMapping("/registry")
    @Operation(summary = "名录：地区（财政局）、部门和单位")
    public org.openbudget.web.service.RegistryService.Registry registry(@AuthenticationPrincipal BudgetUser u) { return registry.registry(u); }

    public record RegionDto(String name) {}

    @PutMapping("/regions/{code}")
    @Operation(summary = "新建或修改地区（代码为行政区划代码，如 650100）")
    public void region(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @RequestBody RegionDto r) { registry.saveRegion(u, code, r.name()); }

    @PutMapping("/agencies/{code}")
    @Operation(summary = "新建或修改部门、单位：name 名称，kind 单位/部门，type 行政/参公/事业，parentCode 主管部门（单位），regionCode 地区；不符合时 422 并说明")
    public org.openbudget.web.db.repositories.Agency agency(@AuthenticationPrincipal BudgetUser u, @PathVariable String code,
                                                            @RequestBody org.openbudget.web.service.RegistryService.AgencyInput a) {
        return registry.saveAgency(u, new org.openbudget.web.service.RegistryService.AgencyInput(code, a.name(), a.kind(), a.type(), a.parentCode(),
                a.regionCode(), a.position()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/agencies/{code}")
    @Operation(summary = "删除部门或单位：只在没有所属单位、账号、预算和已发布版本时；否则 422 并说明")
    public void deleteAgency(@AuthenticationPrincipal BudgetUser u, @PathVariable String code) { registry.deleteAgency(u, code); }

    @PostMapping(value = "/agencies/import", consumes = "multipart/form-data")
    @Operation(summary = "导入名录（CSV 或 Excel .xlsx，表头：代码,名称,类别,性质,主管部门代码,地区代码[,地区名称]）：全部导入，或有任何问题时一条也不导入 (400，逐行说明)")
    public org.openbudget.web.service.RegistryService.ImportResult importAgencies(@AuthenticationPrincipal BudgetUser u,
                                                                                @RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return registry.importList(u, file.getOriginalFilename() == null ? "名录" : file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/checks")
    @Operation(summary = "审核公式及其级别（目录级别与当前级别）")
    public List<CheckSetting> checks(@AuthenticationPrincipal BudgetUser u) { return admin.checks(u); }

    public record SeverityDto(Severity severity) {}

    @PutMapping("/checks/{id}")
    @Operation(summary = "修改一个审核公式的级别 (ERROR / WARNING / NOTICE)")
    public void severity(@AuthenticationPrincipal BudgetUser u, @PathVariable String id, @RequestBody SeverityDto s) { admin.setSeverity(u, id, s.severity()); }

    @org.springframework.web.bind.annotation.DeleteMapping("/checks/{id}")
    @Operation(summary = "恢复审核公式的目录级别")
    public void resetSeverity(@AuthenticationPrincipal BudgetUser u, @PathVariable String id) { admin.resetSeverity(u, id); }

    @GetMapping("/refdata")
    @Operation(summary = "参考数据（各年度的功能分类、经济分类、资金来源，在用版本）、模板、地区与单位")
    public AdminService.RefData refdata(@AuthenticationPrincipal BudgetUser u) { return admin.refdata(u); }

    @GetMapping("/refdata/{year}/{list}")
    @Operation(summary = "一个年度的一个列表（list：functional 支出功能分类、economic 支出经济分类、funding-sources 资金来源）："
            + "在用版本、按编码前缀或名称查找的条目（至多 limit 条）、历史版本")
    public ReferenceDataService.ListView list(@AuthenticationPrincipal BudgetUser u, @PathVariable int year, @PathVariable String list,
                                              @RequestParam(required = false) String q, @RequestParam(defaultValue = "500") int limit) {
        return refdata.list(u, year, list, q, Math.min(Math.max(limit, 0), 10000));
    }

    @GetMapping(value = "/refdata/{year}/{list}/csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "列表的 CSV：在用版本；version=0 为内置文件，version=n 为第 n 版")
    public String listCsv(@AuthenticationPrincipal BudgetUser u, @PathVariable int year, @PathVariable String list, @RequestParam(required = false) Integer version) {
        return refdata.listCsv(u, year, list, version);
    }

    @PutMapping(value = "/refdata/{year}/{list}", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "上传列表的新版本（CSV，格式同 refdata/：code,name；资金来源 code,name,group,budget,current_year；UTF-8 或 GB18030）。"
            + "complete=true 声明为完整的官方目录（未知科目由提示变为错误）。读取有误时 400 并逐条给出行号和列，不保存；"
            + "baseVersion 为读取时的在用版本号（0：内置），已有新版本时 409")
    public ReferenceDataRepository.ListVersion uploadList(@AuthenticationPrincipal BudgetUser u, @PathVariable int year, @PathVariable String list,
                                                          @RequestParam(defaultValue = "false") boolean complete, @RequestParam(required = false) String source,
                                                          @RequestParam(required = false) String comment, @RequestParam(required = false) Integer baseVersion,
                                                          @RequestBody byte[] csv) {
        return refdata.uploadList(u, year, list, year + "/" + list + ".csv", ReferenceDataService.text(csv), complete, source, comment, baseVersion);
    }

    public record Rollback(int version, String comment) {}

    @PostMapping("/refdata/{year}/{list}/rollback")
    @Operation(summary = "恢复列表的一个历史版本（version=0：内置文件）：作为新版本保存，历史版本不变")
    public ReferenceDataRepository.ListVersion rollbackList(@AuthenticationPrincipal BudgetUser u, @PathVariable int year, @PathVariable String list,
                                                            @RequestBody Rollback r) {
        return refdata.rollbackList(u, year, list, r.version(), r.comment());
    }

    @GetMapping("/profiles")
    @Operation(summary = "模板列表（内置与系统管理保存的，在用版本）")
    public List<ReferenceDataService.ProfileState> profiles(@AuthenticationPrincipal BudgetUser u) { return refdata.profiles(u); }

    @GetMapping("/profiles/{id}")
    @Operation(summary = "一个模板：在用版本的 YAML 与历史版本")
    public ReferenceDataService.ProfileView profile(@AuthenticationPrincipal BudgetUser u, @PathVariable String id) { return refdata.profile(u, id); }

    @GetMapping(value = "/profiles/{id}/yaml", produces = "application/yaml;charset=UTF-8")
    @Operation(summary = "模板的 YAML：在用版本；version=0 为内置文件，version=n 为第 n 版")
    public String profileYaml(@AuthenticationPrincipal BudgetUser u, @PathVariable String id, @RequestParam(required = false) Integer version) {
        return refdata.profileYaml(u, id, version);
    }

    @PutMapping(value = "/profiles/{id}", consumes = {"application/yaml", "application/x-yaml", "text/plain", "application/octet-stream"})
    @Operation(summary = "保存模板的新版本（或新模板）：先由模板读取器读取、id 须与路径一致、并用示例单位试生成；"
            + "有误时 400 并逐条给出行号和字段，不保存；baseVersion 为读取时的在用版本号（0：内置或新建），已有新版本时 409")
    public ReferenceDataRepository.ProfileVersion saveProfile(@AuthenticationPrincipal BudgetUser u, @PathVariable String id,
                                                              @RequestParam(required = false) Integer baseVersion, @RequestParam(required = false) String comment,
                                                              @RequestBody byte[] yaml) {
        return refdata.saveProfile(u, id, ReferenceDataService.text(yaml), baseVersion, comment);
    }

    public record NewProfile(String id, String copyOf, String comment) {}

    @PostMapping("/profiles")
    @Operation(summary = "新建模板：复制一个已有模板（copyOf）为新的编号（id，“模板系列-年度”，如另一财政部门的本年度模板）")
    public ReferenceDataRepository.ProfileVersion createProfile(@AuthenticationPrincipal BudgetUser u, @RequestBody NewProfile n) {
        return refdata.createProfile(u, n.id(), n.copyOf(), n.comment());
    }

    @PostMapping("/profiles/{id}/rollback")
    @Operation(summary = "恢复模板的一个历史版本（version=0：内置文件）：重新校验后作为新版本保存")
    public ReferenceDataRepository.ProfileVersion rollbackProfile(@AuthenticationPrincipal BudgetUser u, @PathVariable String id, @RequestBody Rollback r) {
        return refdata.rollbackProfile(u, id, r.version(), r.comment());
    }

    @GetMapping("/region-profiles")
    @Operation(summary = "各地区（财政部门）各年度使用的模板：系统管理指定的，或默认的（refdata/templates.yaml 所定预算模板系列的该年度模板）")
    public List<RegionProfileService.RegionYear> regionProfiles(@AuthenticationPrincipal BudgetUser u) { return regionProfiles.overview(u); }

    @GetMapping("/region-profiles/{region}/{year}")
    @Operation(summary = "一个地区一个年度的模板：在用的模板、可选的模板（该年度的）、本地区该年度的预算及其所用模板、历史版本")
    public RegionProfileService.View regionProfile(@AuthenticationPrincipal BudgetUser u, @PathVariable String region, @PathVariable int year) {
        return regionProfiles.view(u, region, year);
    }

    /** {@code profile} null or empty: back to the default (the default family's profile of the year, refdata/templates.yaml). */
    public record RegionProfileAssignment(String profile, String comment, Integer baseVersion) {}

    @PutMapping("/region-profiles/{region}/{year}")
    @Operation(summary = "指定一个地区一个年度使用的模板（profile 为空：恢复默认模板，即 refdata/templates.yaml 所定预算模板系列的该年度模板）。模板须存在且为该年度的模板，否则 422；"
            + "baseVersion 为读取时的在用版本号（0：未指定过），已有新版本时 409。此后本地区单位的空白工作簿和部门汇总使用该模板，"
            + "所用模板不同的数据集在保存、审核（/api/check）和提交时被拒绝，错误定位到 profile 字段并给出应为的模板")
    public RegionProfileRepository.Assignment assignRegionProfile(@AuthenticationPrincipal BudgetUser u, @PathVariable String region, @PathVariable int year,
                                                                  @RequestBody RegionProfileAssignment a) {
        return regionProfiles.assign(u, region, year, a.profile(), a.comment(), a.baseVersion());
    }

    @GetMapping("/audit-log")
    @Operation(summary = "操作记录（登录、登录失败、锁定、系统管理与工作流的每个操作，含来源地址），新的在前。"
            + "q：在人员、操作、单位、内容、来源中查找；actor、action：精确匹配；from、to：日期 (yyyy-MM-dd，含当天)；page 从 1 起，size 至多 500")
    public AdminService.AuditPage auditLog(@AuthenticationPrincipal BudgetUser u, @RequestParam(required = false) String q,
                                           @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                           @RequestParam(required = false) java.time.LocalDate from, @RequestParam(required = false) java.time.LocalDate to,
                                           @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int size) {
        return admin.auditSearch(u, new AuditLogRepository.Query(q, actor, action, from, to), page, Math.min(Math.max(size, 1), 500));
    }

    @GetMapping(value = "/audit-log/csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "操作记录导出为 CSV（UTF-8，Excel 可直接打开；条件同上，至多 100,000 条）")
    public org.springframework.http.ResponseEntity<byte[]> auditLogCsv(@AuthenticationPrincipal BudgetUser u, @RequestParam(required = false) String q,
                                                                         @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                                                         @RequestParam(required = false) java.time.LocalDate from,
                                                                         @RequestParam(required = false) java.time.LocalDate to) {
        return AuditCsv.response(admin.auditExport(u, new AuditLogRepository.Query(q, actor, action, from, to), AuditCsv.MAX));
    }
}
