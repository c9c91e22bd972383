package org.openbudget.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.openbudget.io.Workspace;
import org.openbudget.render.Format;
import org.openbudget.render.Renderers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./budget render PATH --out DIR [--format pdf,docx,xlsx,html,json,ofd,fdp]}. */
@Command(name = "render", description = "生成公开文件：PDF、Word、Excel、HTML、JSON，及开放数据包 fdp（Fiscal Data Package） (render the whole document to files; fdp: its lines as open data)")
final class RenderCommand extends BudgetCli.DatasetCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "输出目录 (output directory, created if missing)")
    Path out;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "pdf,docx,xlsx,html,json",
            description = "格式，逗号分隔；另有 ofd：OFD 版式文档，fdp：开放数据包 (formats, comma-separated; default ${DEFAULT-VALUE}; also ofd, the OFD fixed-layout document, and fdp, the Fiscal Data Package)")
    String formats;

    @Override
    public Integer call() {
        Set<Format> fs;
        try {
            fs = Format.parseList(formats);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("输入有误 (bad input): --format: " + e.getMessage());
            return BudgetCli.BAD_INPUT;
        }
        Workspace.Loaded l = load();
        Map<Format, Path> files;
        try {
            files = Renderers.write(l.budget(), l.ref(), l.disclosure(), l.profile(), fs, out);
        } catch (IOException e) {
            spec.commandLine().getErr().println("无法写入 (cannot write) " + out + ": " + e.getMessage());
            return BudgetCli.BAD_INPUT;
        }
        for (Map.Entry<Format, Path> e : files.entrySet()) {
            out().println(e.getKey().extension() + "\t" + e.getValue());
        }
        return BudgetCli.OK;
    }
}
