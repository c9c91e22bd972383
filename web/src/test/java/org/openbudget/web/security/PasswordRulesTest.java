package org.openbudget.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {
    @Test
    void aPasswordMustBeLongVariedAndNotTheUserNameNorCommon() {
        assertThat(PasswordRules.problem("clerk", "Short1!")).hasValueSatisfying(m -> assertThat(m).contains("太短"));
        assertThat(PasswordRules.problem("clerk", "alllowercaseletters")).hasValueSatisfying(m -> assertThat(m).contains("太简单"));
        assertThat(PasswordRules.problem("clerk", "lowercase123456")).hasValueSatisfying(m -> assertThat(m).contains("太简单"));
        assertThat(PasswordRules.problem("clerk", "MyClerk-2025x")).hasValueSatisfying(m -> assertThat(m).contains("用户名"));
        assertThat(PasswordRules.problem("clerk", "Password123")).hasValueSatisfying(m -> assertThat(m).contains("常见"));
        assertThat(PasswordRules.problem("clerk", "Demo2024!!")).hasValueSatisfying(m -> assertThat(m).contains("常见"));
        assertThat(PasswordRules.problem("clerk", "x".repeat(120) + "Aa1")).isEmpty();
        assertThat(PasswordRules.problem("clerk", "Aa1" + "x".repeat(130))).hasValueSatisfying(m -> assertThat(m).contains("太长"));
        assertThat(PasswordRules.problem("clerk", "预算-Finance-7")).isEmpty();
        assertThat(PasswordRules.problem("clerk", "Tianshan#Road9")).isEmpty();
        assertThat(PasswordRules.problem("clerk", null)).isPresent();
    }
}
