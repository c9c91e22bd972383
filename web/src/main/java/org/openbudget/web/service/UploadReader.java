package org.openbudget.web.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openbudget.io.InputProblem;
import org.openbudget.web.db.repositories.Document;
import org.springframework.stereotype.Component;

/** An uploaded dataset file: an Excel workbook (.xlsx, kept as it is) or YAML text. */
@Component
public class UploadReader {
    public Document.Source read(String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "upload.yaml" : fileName;
        if (content.length == 0) throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file", "文件为空 (empty file)")));
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".xls")) throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file",
                "不支持旧版 .xls 格式：请在 Excel 或 WPS 中“另存为” .xlsx 工作簿后再上传 (save it as .xlsx)")));
        boolean zip = content.length > 2 && content[0] == 'P' && content[1] == 'K';
        boolean ole = content.length > 4 && (content[0] & 0xff) == 0xD0 && (content[1] & 0xff) == 0xCF;
        if (zip || ole || lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) return Document.Source.workbook(content);
        try {
            return Document.Source.yaml(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file", "文件不是 UTF-8 编码的 YAML 文本 (the file must be UTF-8 YAML text)")));
        }
    }
}
