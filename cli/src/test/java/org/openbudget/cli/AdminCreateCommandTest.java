package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./budget admin create}: the first administrator of an empty database, once; never a password on the command line or in the output. */
class AdminCreateCommandTest {

    @Test
    void theFirstAdministratorIsMadeOnceAndOnlyWithAPasswordThatFollowsTheRules(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path weak = dir.resolve("weak.txt");
        Files.writeString(weak, "boss1234\n");
        BudgetCliTest.Result refused = BudgetCliTest.run("admin", "create", "--username", "boss", "--password-file", weak.toString(), "--data-dir", data.toString());
        assertThat(refused.code()).isEqualTo(BudgetCli.BAD_INPUT);
        assertThat(refused.err()).contains("未建立系统管理员", "密码");

        Path good = dir.resolve("good.txt");
        Files.writeString(good, "Tianshan#Road9\n");
        BudgetCliTest.Result made = BudgetCliTest.run("admin", "create", "--username", "boss", "--display-name", "信息中心",
                "--password-file", good.toString(), "--data-dir", data.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains("已建立系统管理员 boss").doesNotContain("Tianshan#Road9");
        assertThat(data.resolve("demo-accounts.txt")).as("no demo with admin create").doesNotExist();

        BudgetCliTest.Result second = BudgetCliTest.run("admin", "create", "--username", "other", "--password-file", good.toString(), "--data-dir", data.toString());
        assertThat(second.code()).isEqualTo(BudgetCli.BAD_INPUT);
        assertThat(second.err()).contains("已有启用的系统管理员");
    }
}
