package org.openbudget.web.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (set by an administrator, or changed by its owner): at least 10 characters,
 * of at least three kinds (upper-case letters, lower-case letters, digits, other characters), not containing
 * the user name, not one of the passwords tried first by anyone guessing.
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    public static final String TEXT = "密码至少 " + MIN_LENGTH + " 位，包含大写字母、小写字母、数字、符号中的至少三类，且不含用户名";

    private static final Set<String> COMMON = Set.of("password", "passw0rd", "p@ssw0rd", "qwerty", "admin", "administrator", "123456",
            "12345678", "1234567890", "abc123", "iloveyou", "welcome", "letmein", "demo2024", "changeme", "budget");

    private PasswordRules() {
    }

    /** Why this password may not be used, or empty. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) return Optional.of("密码太短：" + TEXT + "。");
        if (password.length() > MAX_LENGTH) return Optional.of("密码太长：至多 " + MAX_LENGTH + " 位。");
        int kinds = 0;
        if (password.chars().anyMatch(Character::isUpperCase)) kinds++;
        if (password.chars().anyMatch(Character::isLowerCase)) kinds++;
        if (password.chars().anyMatch(Character::isDigit)) kinds++;
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) kinds++;
        if (kinds < 3) return Optional.of("密码太简单：" + TEXT + "。");
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT)))
            return Optional.of("密码不能包含用户名。");
        for (String c : COMMON) {
            if (lower.replaceAll("[^a-z0-9@]", "").startsWith(c) && lower.length() - c.length() <= 4)
                return Optional.of("密码过于常见，请换一个。");
        }
        return Optional.empty();
    }
}
