package org.openbudget.web.api;

import java.util.List;

import org.openbudget.web.api.Dtos.FileDto;
import org.openbudget.web.api.Dtos.OpenDataDto;
import org.openbudget.web.api.Dtos.RegionDataDto;
import org.openbudget.web.api.Dtos.PublicDocument;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository.StoredFile;
import org.openbudget.web.service.OpenDataService;
import org.openbudget.web.service.PortalService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Published documents: anyone may read them. */
@RestController
@RequestMapping("/api/public")
@Tag(name = "public", description = "公开文档 (published documents)")
public class PublicApi {
    private final PortalService portal;
    private final OpenDataService openData;

    public PublicApi(PortalService portal, OpenDataService openData) {
        this.portal = portal;
        this.openData = openData;
    }

    @GetMapping("/documents")
    @Operation(summary = "已公开的文档（当前版本），按年度、地区、部门筛选，按名称搜索")
    public List<PublicDocument> search(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                                       @RequestParam(required = false) String department, @RequestParam(required = false) String q) {
        return portal.search(year, region, department, q).stream().map(p -> PublicDocument.of(p, files(p.id()))).toList();
    }

    @GetMapping("/documents/{id}")
    @Operation(summary = "一个公开版本：内容哈希、审核结果统计、各格式文件")
    public PublicDocument document(@PathVariable long id) {
        Publication p = portal.publication(id);
        return PublicDocument.of(p, files(id));
    }

    @GetMapping("/documents/{id}/versions")
    @Operation(summary = "版本历史（更正为新版本，旧版本保留）")
    public List<PublicDocument> versions(@PathVariable long id) {
        return portal.page(id).versions().stream().map(p -> PublicDocument.of(p, files(p.id()))).toList();
    }

    @GetMapping("/documents/{id}/files/{format}")
    @Operation(summary = "下载一个格式的文件")
    public ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String format) {
        StoredFile f = portal.file(id, format);
        return Downloads.of(f.fileName(), f.mediaType(), f.content());
    }

    @GetMapping("/opendata")
    @Operation(summary = "开放数据：每个已公开文档（当前版本）的财政数据包（Fiscal Data Package）及其下载地址，按年度、地区筛选")
    public List<OpenDataDto> openData(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region) {
        return openData.listing(year, region).stream().map(OpenDataDto::of).toList();
    }

    @GetMapping("/opendata/{region}/{year}")
    @Operation(summary = "一个地区一个年度的开放数据：全部已公开部门的明细合为一个数据包和一个 CSV，列出所含文档")
    public RegionDataDto regionData(@PathVariable String region, @PathVariable int year) {
        return RegionDataDto.of(openData.collection(region, year));
    }

    @GetMapping("/opendata/{region}/{year}/fdp")
    @Operation(summary = "下载一个地区一个年度的财政数据包（zip：datapackage.json 与 data/lines.csv）")
    public ResponseEntity<byte[]> regionPackage(@PathVariable String region, @PathVariable int year) {
        OpenDataService.Collection c = openData.collection(region, year);
        return Downloads.of(c.baseName() + "-fdp.zip", "application/zip", openData.packageOf(c));
    }

    @GetMapping("/opendata/{region}/{year}/csv")
    @Operation(summary = "下载一个地区一个年度的全部预算明细（CSV，UTF-8，可直接用电子表格打开）")
    public ResponseEntity<byte[]> regionCsv(@PathVariable String region, @PathVariable int year) {
        OpenDataService.Collection c = openData.collection(region, year);
        return Downloads.of(c.baseName() + ".csv", "text/csv;charset=UTF-8", openData.csvOf(c));
    }

    private List<FileDto> files(long id) {
        return portal.files(id).stream().map(f -> FileDto.of(id, f)).toList();
    }
}
