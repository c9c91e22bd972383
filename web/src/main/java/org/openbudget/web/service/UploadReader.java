package org.openbudget.web.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openbudget.io.InputProblem;
import org.springframework.stereotype.Component;

/** An uploaded dataset file to dataset text: YAML as it is (Excel workbooks: see io/workbook when it lands). */
@Component
public class UploadReader {
    public String toYaml(String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "upload.yaml" : fileName;
        if (content.length == 0) throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file", "文件为空 (empty file)")));
        if (content.length > 2 && content[0] == 'P' && content[1] == 'K') {
            throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file", "暂不支持 Excel 工作簿，请上传 YAML 数据集 (Excel workbooks are not supported yet)")));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file", "文件不是 UTF-8 编码的 YAML 文本 (the file must be UTF-8 YAML text)")));
        }
    }
}
