package org.openbudget.web.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openbudget.io.json.DisclosureJson;
import org.openbudget.web.api.Dtos.Decision;
import org.openbudget.web.api.Dtos.DocumentDto;
import org.openbudget.web.api.Dtos.DocumentSummary;
import org.openbudget.web.api.Dtos.UnitStatus;
import org.openbudget.web.api.Dtos.VersionDto;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.service.DocumentKey;
import org.openbudget.web.service.NotFoundException;
import org.openbudget.web.service.RuleViolation;
import org.openbudget.web.service.UploadReader;
import org.openbudget.web.service.WorkflowService;
import org.openbudget.web.service.WorkflowService.DocumentView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Preparing, consolidating, reviewing and publishing: what the work pages do. */
@RestController
@RequestMapping("/api")
@Tag(name = "work", description = "填报、汇总、审核、发布 (prepare, consolidate, review, publish)")
public class WorkApi {
    private final WorkflowService workflow;
    private final UploadReader uploads;
    private final org.openbudget.web.service.PublicationService publisher;

    public WorkApi(WorkflowService workflow, UploadReader uploads, org.openbudget.web.service.PublicationService publisher) {
        this.workflow = workflow;
        this.uploads = uploads;
        this.publisher = publisher;
    }

    @GetMapping("/documents/{code}/{year}/publish-progress")
    @Operation(summary = "发布进度：正在生成哪一种文件（第几步，共几步）；没有正在进行的发布时 running 为 false。只对可发布该文档的审核人")
    public org.openbudget.web.service.PublicationService.Progress publishProgress(@AuthenticationPrincipal BudgetUser u, @PathVariable String code,
                                                                                 @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        workflow.requireParty(u, code, org.openbudget.web.workflow.Action.PUBLISH);
        return publisher.progress(code, year);
    }

    public record Me(String username, String role, String roleLabel, String agencyCode, String regionCode, String displayName) {}

    @GetMapping("/me")
    @Operation(summary = "当前登录账号")
    public Me me(@AuthenticationPrincipal BudgetUser u) {
        return new Me(u.username(), u.role().name(), u.role().label(), u.agencyCode(), u.regionCode(), u.displayName());
    }

    @GetMapping("/documents")
    @Operation(summary = "我能看到的预算（本单位、本部门及下属单位、本地区）")
    public List<DocumentSummary> documents(@AuthenticationPrincipal BudgetUser u) {
        return workflow.visibleDocuments(u).stream().map(DocumentSummary::of).toList();
    }

    @GetMapping("/documents/{code}/{year}")
    @Operation(summary = "一份预算的状态、审核结果、单位汇总情况、发布版本和可做的操作")
    public DocumentDto document(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        return DocumentDto.of(workflow.view(u, code, year, key.basis()));
    }

    @GetMapping(value = "/documents/{code}/{year}/dataset", produces = "application/yaml;charset=UTF-8")
    @Operation(summary = "当前数据集 (YAML)")
    public String dataset(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        DocumentView v = workflow.view(u, code, year, key.basis());
        if (v.document() == null) throw new NotFoundException("尚未填报");
        if (v.document().source().isWorkbook()) throw new NotFoundException("该数据集以 Excel 工作簿上传，请下载工作簿 (…/workbook)");
        return v.document().datasetYaml();
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GetMapping("/documents/{code}/{year}/workbook")
    @Operation(summary = "当前数据集的 Excel 工作簿（上传的原工作簿，或由当前数据生成）")
    public ResponseEntity<byte[]> workbook(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        return Downloads.of(code + "-" + key.path() + ".xlsx", XLSX, workflow.workbook(u, code, year, key.basis()));
    }

    @GetMapping("/documents/{code}/{year}/workbook/blank")
    @Operation(summary = "空白 Excel 工作簿（每部分一张表，科目下拉列表，填表说明）")
    public ResponseEntity<byte[]> blankWorkbook(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        return Downloads.of(code + "-" + key.path() + "-空白.xlsx", XLSX, workflow.blankWorkbook(u, code, year, key.basis()));
    }

    @GetMapping(value = "/documents/{code}/{year}/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "预览：由数据集生成的十一张表 (JSON)")
    public JsonNode preview(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        DocumentView v = workflow.view(u, code, year, key.basis());
        if (v.evaluation() == null || !v.evaluation().readable()) throw new NotFoundException("没有可预览的数据");
        return DisclosureJson.tree(v.evaluation().disclosure());
    }

    @PutMapping(value = "/documents/{code}/{year}/dataset", consumes = {"application/yaml", "text/plain", "application/x-yaml"})
    @Operation(summary = "保存数据集 (YAML 文本)；version 为读取时的版本号（新建时省略）")
    public DocumentDto saveDataset(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                   @RequestParam(required = false) Integer version, @RequestBody String yaml) {
        String name = code + "-" + DocumentKey.parse(yearKey).path() + ".yaml";
        return changed(u, code, yearKey, (basis, year) -> workflow.saveDataset(u, code, year, basis, name, org.openbudget.web.db.repositories.Document.Source.yaml(yaml), version));
    }

    @PostMapping(value = "/documents/{code}/{year}/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传数据集文件 (YAML，或 Excel 工作簿)")
    public DocumentDto upload(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                              @RequestParam(required = false) Integer version, @RequestParam("file") MultipartFile file) throws IOException {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.yaml" : file.getOriginalFilename();
        workflow.saveDataset(u, code, year, key.basis(), name, uploads.read(name, file.getBytes()), version);
        return DocumentDto.of(workflow.view(u, code, year, key.basis()));
    }

    @PostMapping("/documents/{code}/{year}/consolidate")
    @Operation(summary = "部门汇总已提交的单位；未提交或缺失的单位逐一列出")
    public List<UnitStatus> consolidate(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey,
                                        @RequestBody(required = false) Decision d) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        return workflow.consolidate(u, code, year, key.basis(), d == null ? null : d.version()).stream().map(UnitStatus::of).toList();
    }

    @PostMapping("/documents/{code}/{year}/submit")
    @Operation(summary = "提交（有错误不能提交；有警告须填写说明）")
    public DocumentDto submit(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, @RequestBody Decision d) {
        return changed(u, code, yearKey, (basis, year) -> workflow.submit(u, code, year, basis, d.version(), d.comment()));
    }

    public record VersionOnly(Integer version) {}

    @PostMapping("/documents/{code}/{year}/withdraw")
    @Operation(summary = "撤回提交（填报单位或部门，尚未审核时）：回到草稿")
    public DocumentDto withdraw(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, @RequestBody VersionOnly d) {
        return changed(u, code, yearKey, (basis, year) -> workflow.withdraw(u, code, year, basis, d.version()));
    }

    @PostMapping("/documents/{code}/{year}/department-return")
    @Operation(summary = "主管部门退回所属单位的提交（须填写意见）")
    public DocumentDto departmentReturn(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, @RequestBody Decision d) {
        return changed(u, code, yearKey, (basis, year) -> workflow.returnByDepartment(u, code, year, basis, d.version(), d.comment()));
    }

    @PostMapping("/documents/{code}/{year}/return")
    @Operation(summary = "财政局退回（须填写意见）")
    public DocumentDto returnDocument(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, @RequestBody Decision d) {
        return changed(u, code, yearKey, (basis, year) -> workflow.returnDocument(u, code, year, basis, d.version(), d.comment()));
    }

    @PostMapping("/documents/{code}/{year}/approve")
    @Operation(summary = "财政局审核通过")
    public DocumentDto approve(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, @RequestBody Decision d) {
        return changed(u, code, yearKey, (basis, year) -> workflow.approve(u, code, year, basis, d.version(), d.comment()));
    }

    @PostMapping("/documents/{code}/{year}/publish")
    @Operation(summary = "发布：冻结为不可修改的新版本（各格式文件与数据集，含内容哈希）；更正版本（第 2 版起）须有 reason：公开的更正说明")
    public VersionDto publish(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey, @RequestBody Decision d) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        return VersionDto.of(workflow.publish(u, code, year, key.basis(), d.version(), d.reason()));
    }

    @GetMapping("/documents/{code}/{year}/history")
    @Operation(summary = "操作记录：谁在何时做了什么")
    public List<AuditLogRepository.Entry> history(@AuthenticationPrincipal BudgetUser u, @PathVariable String code, @PathVariable("year") String yearKey) {
        DocumentKey key = DocumentKey.parse(yearKey);
        int year = key.year();
        return workflow.view(u, code, year, key.basis()).history();
    }

    static void requireNotBlank(String s, String what) {
        if (s == null || s.isBlank()) throw new RuleViolation(what);
    }

    /** A step of the workflow on one document (its year and 预算/决算 basis), then the document as it now stands. */
    private DocumentDto changed(BudgetUser u, String code, String yearKey, java.util.function.ObjIntConsumer<String> step) {
        DocumentKey key = DocumentKey.parse(yearKey);
        step.accept(key.basis(), key.year());
        return DocumentDto.of(workflow.view(u, code, key.year(), key.basis()));
    }
}
