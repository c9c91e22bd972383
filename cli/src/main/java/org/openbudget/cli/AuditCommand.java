package org.openbudget.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.openbudget.audit.text.PublishedTextReader;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.io.InputException;
import org.openbudget.io.json.DisclosureJson;
import org.openbudget.io.json.FindingsJson;
import org.openbudget.io.refdata.ReferenceLibrary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./budget audit FILE}: reads the text of a published disclosure document back into its
 * tables and runs the same check catalogue on it as {@code check} runs on a ledger's document.
 */
@Command(name = "audit", description = "审核已公开的文档（文本）：读回十一张表并按审核公式审核，退出码 0 无错误、1 有错误、2 无法读取 "
        + "(read a published document's text back into its tables and run the check catalogue; exit 0 no error, 1 errors, 2 unreadable)")
final class AuditCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "FILE", description = "公开文档的文本（UTF-8）(the document's text, UTF-8)")
    Path file;

    @Option(names = "--json", description = "JSON 输出 (machine-readable output)") boolean json;

    @Option(names = "--refdata", paramLabel = "DIR", description = "财政部门提供的参考数据目录 (reference data directory overriding the built-in lists)")
    Path refdata;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String name = file.toString();
        String text;
        if (!Files.isRegularFile(file)) throw new InputException(name, 0, "FILE", "文件不存在或不是普通文件 (no such file)");
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name, 0, "FILE", "不是 UTF-8 文本 (not UTF-8 text)");
        } catch (IOException e) {
            throw new InputException(name, 0, "FILE", "无法读取 (cannot read): " + e.getMessage());
        }
        ReferenceLibrary lib = refdata != null ? new ReferenceLibrary(refdata) : ReferenceLibrary.standard();
        PublishedTextReader.Result r = PublishedTextReader.readWithNotes(file.getFileName().toString(), text, lib);
        Disclosure d = r.disclosure();
        List<Finding> findings = CheckCatalogue.run(d, lib.profile(d.profileId()), lib.year(d.year()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = DisclosureJson.tree(d);
            root.set("findings", FindingsJson.array(findings));
            ArrayNode notes = root.putArray("notes");
            r.notes().forEach(notes::add);
            try {
                out.println(MAPPER.writeValueAsString(root));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            if (!r.notes().isEmpty()) {
                out.println("读取提示 (reader notes): " + r.notes().size());
                for (String n : r.notes()) out.println("  " + n);
            }
            BudgetCli.printFindings(out, d.unitName(), findings);
        }
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? BudgetCli.FINDINGS : BudgetCli.OK;
    }
}
