package org.openbudget.core.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.profile.TemplateProfile;

/**
 * The one place of truth for the checks (审核公式): every rule with its id, severity and wording.
 * docs/checks.md is this list; {@code ./budget checks} prints it. The checks see only a Disclosure,
 * never where it came from.
 */
public final class CheckCatalogue {
    private static final Map<String, Check> CHECKS = new LinkedHashMap<>();

    static {
        List<Check> all = new ArrayList<>();
        all.addAll(WithinTableChecks.all());
        all.addAll(BetweenTableChecks.all());
        all.addAll(ClassificationChecks.all());
        all.addAll(TextChecks.all());
        for (Check c : all) {
            if (CHECKS.put(c.id(), c) != null) throw new IllegalStateException("duplicate check id " + c.id());
        }
    }

    private CheckCatalogue() {}

    public static List<Check> checks() {
        return List.copyOf(CHECKS.values());
    }

    public static Check check(String id) {
        Check c = CHECKS.get(id);
        if (c == null) throw new IllegalArgumentException("no check " + id);
        return c;
    }

    /** Runs every check; findings ordered by severity, then table. */
    public static List<Finding> run(Disclosure d, TemplateProfile profile, ReferenceData ref) {
        CheckContext ctx = new CheckContext(d, profile, ref);
        for (Check c : CHECKS.values()) runOne(ctx, c);
        List<Finding> out = new ArrayList<>(ctx.findings());
        out.sort(BY_SEVERITY_THEN_TABLE);
        return out;
    }

    private static final Comparator<Finding> BY_SEVERITY_THEN_TABLE = (a, b) -> {
        int c = a.severity().compareTo(b.severity());
        return c != 0 ? c : Integer.compare(a.table() == null ? 0 : a.table(), b.table() == null ? 0 : b.table());
    };

    /** Runs one check only (tests use it to see that exactly this check fires). */
    public static List<Finding> runOnly(String id, Disclosure d, TemplateProfile profile, ReferenceData ref) {
        CheckContext ctx = new CheckContext(d, profile, ref);
        runOne(ctx, check(id));
        return ctx.findings();
    }

    private static void runOne(CheckContext ctx, Check c) {
        ctx.start(c);
        for (int t : c.tables()) {
            if (ctx.table(t).isEmpty()) {
                ctx.notEvaluable(t);
                return;
            }
        }
        c.run(ctx);
    }
}
