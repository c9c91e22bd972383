package org.openbudget.web.api;

import java.io.IOException;

import org.openbudget.io.json.DisclosureJson;
import org.openbudget.io.json.FindingsJson;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.service.BudgetService;
import org.openbudget.web.service.PublishedAuditService;
import org.openbudget.web.service.RegionProfileService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Checking without saving: a dataset (the live checks of the editor), or a published document (the audit page). */
@RestController
@Tag(name = "check", description = "审核 (check a dataset or a published document)")
public class CheckApi {
    private final BudgetService budgets;
    private final PublishedAuditService auditor;
    private final RegionProfileService regionProfiles;

    private final org.openbudget.web.limits.CheckThrottle throttle;

    public CheckApi(BudgetService budgets, PublishedAuditService auditor, RegionProfileService regionProfiles,
                    org.openbudget.web.limits.CheckThrottle throttle) {
        this.throttle = throttle;
        this.budgets = budgets;
        this.auditor = auditor;
        this.regionProfiles = regionProfiles;
    }

    @PostMapping(value = "/api/check", consumes = {"application/yaml", "text/plain", "application/x-yaml"})
    @Operation(summary = "审核一个单位数据集 (YAML)：读取错误逐一定位到行和字段（HTTP 422，readable 为 false），或审核结果。"
            + "已登记单位的数据集所用模板（profile）须为其地区该年度的模板，否则与保存时一样作为读取错误返回（字段 profile，应为的模板编号）")
    public org.springframework.http.ResponseEntity<Dtos.CheckResult> check(@RequestBody String yaml, jakarta.servlet.http.HttpServletRequest req,
                                   @org.springframework.security.core.annotation.AuthenticationPrincipal org.openbudget.web.security.BudgetUser u) {
        Document.Source source = Document.Source.yaml(yaml);
        Dtos.CheckResult r = throttle.run(client(req, u), u != null,
                () -> Dtos.CheckResult.of(regionProfiles.checked("dataset.yaml", source, budgets.evaluateUnit("dataset.yaml", source))));
        // a dataset that cannot be read is the request's fault: 422 with the same body (readable: false and every problem located)
        return org.springframework.http.ResponseEntity.status(r.readable() ? 200 : 422).body(r);
    }

    static String client(jakarta.servlet.http.HttpServletRequest req, org.openbudget.web.security.BudgetUser u) {
        return u != null ? "user:" + u.username() : "addr:" + req.getRemoteAddr();
    }

    @PostMapping(value = "/api/audit", consumes = "multipart/form-data")
    @Operation(summary = "审核已公开的文档：上传其文本，读回十一张表并按审核公式审核")
    public ObjectNode audit(@RequestParam("file") MultipartFile file, jakarta.servlet.http.HttpServletRequest req,
                            @org.springframework.security.core.annotation.AuthenticationPrincipal org.openbudget.web.security.BudgetUser u) throws IOException {
        byte[] bytes = file.getBytes();
        PublishedAuditService.Report r = throttle.run(client(req, u), u != null, () -> auditor.audit(file.getOriginalFilename(), bytes));
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("unit", r.disclosure().unitName());
        root.put("year", r.disclosure().year());
        root.set("notes", JsonNodeFactory.instance.arrayNode().addAll(r.notes().stream().map(JsonNodeFactory.instance::textNode).toList()));
        com.fasterxml.jackson.databind.node.ArrayNode findings = FindingsJson.array(r.findings());
        // where each finding is: the PDF page and the line read (null when not found)
        for (int i = 0; i < findings.size() && i < r.located().size(); i++) {
            ObjectNode f = (ObjectNode) findings.get(i);
            PublishedAuditService.Located l = r.located().get(i);
            if (l.page() > 0) f.put("page", l.page()); else f.putNull("page");
            if (l.line() > 0) f.put("line", l.line()); else f.putNull("line");
            f.put("evidence", l.evidence());
        }
        root.set("findings", findings);
        root.set("document", DisclosureJson.tree(r.disclosure()));
        return root;
    }
}
