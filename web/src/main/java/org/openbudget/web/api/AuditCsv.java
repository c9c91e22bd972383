package org.openbudget.web.api;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openbudget.web.db.repositories.AuditLogRepository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The audit trail as CSV: UTF-8 with a byte-order mark (Excel and WPS open it as Chinese), no cell read as a formula. */
public final class AuditCsv {
    public static final int MAX = 100_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private AuditCsv() {
    }

    public static String csv(List<AuditLogRepository.Entry> entries) {
        StringBuilder b = new StringBuilder("\uFEFF时间,人员,操作,单位/部门,年度,内容,来源地址\r\n");
        for (AuditLogRepository.Entry e : entries) {
            b.append(cell(TIME.format(e.at()))).append(',').append(cell(e.actor())).append(',').append(cell(e.action())).append(',')
                    .append(cell(e.agencyCode())).append(',').append(e.year() == null ? "" : e.year()).append(',')
                    .append(cell(e.detail())).append(',').append(cell(e.source())).append("\r\n");
        }
        return b.toString();
    }

    /** Quoted; a value a spreadsheet would take for a formula (= + - @, tab, return) gets a leading apostrophe. */
    static String cell(String v) {
        if (v == null) return "";
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    public static ResponseEntity<byte[]> response(List<AuditLogRepository.Entry> entries) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("操作记录.csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv(entries).getBytes(StandardCharsets.UTF_8));
    }
}
