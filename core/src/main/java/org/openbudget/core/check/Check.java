package org.openbudget.core.check;

/** One rule of the catalogue (审核公式): a stable id, a default severity, what it asserts. */
public interface Check {
    String id();

    Severity severity();

    /** The rule in Chinese, as the catalogue documents it. */
    String rule();

    /** Tables the rule reads; when one is absent the rule is "not evaluable" (a notice), not a failure. */
    int[] tables();

    void run(CheckContext ctx);
}
