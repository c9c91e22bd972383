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
    /**
     * The checks of a text read in full (its shares, changes, lists, reasons, projects: {@code text.read: full}), run
     * where the profile's outline is read so; the others' text is held to its tables by the amounts alone.
     */
    private static final java.util.Set<String> FULL_TEXT = new java.util.HashSet<>();
    /**
     * The checks between tables generated from the measures' bindings ({@link MeasureChecks}): run unless the
     * profile says its own declared ones ({@code checks: between:}, {@link CrossChecks}) stand instead
     * ({@code checks: generated: false}).
     */
    private static final java.util.Set<String> GENERATED = new java.util.HashSet<>();
    /** Earlier ids that name a rule on one table of the Xinjiang template (T3.row-sum → row-sum on 表3). */
    private static final Map<String, String> ALIASES = WithinTableChecks.aliases();
    /** Earlier ids of the text checks, named by the Xinjiang template's sections (X5.item-amount → text.gpb-item). */
    private static final Map<String, String> TEXT_ALIASES = TextChecks.aliases();
    /** The profile's checks between tables run (and are listed) before this one: after the generic table checks. */
    private static final String CROSS_BEFORE;

    static {
        List<Check> all = new ArrayList<>();
        all.addAll(WithinTableChecks.all());
        all.addAll(MeasureChecks.all());
        CROSS_BEFORE = ClassificationChecks.all().get(0).id();
        all.addAll(ClassificationChecks.all());
        all.addAll(TextChecks.all());
        all.addAll(FinalTextChecks.all());
        for (Check c : TextChecks.all()) FULL_TEXT.add(c.id());
        for (Check c : MeasureChecks.all()) GENERATED.add(c.id());
        for (Check c : all) {
            if (CHECKS.put(c.id(), c) != null) throw new IllegalStateException("duplicate check id " + c.id());
        }
    }

    private CheckCatalogue() {}

    /** The generic checks (by shape, by measure, of the classifications) and the text checks. */
    public static List<Check> checks() {
        return List.copyOf(CHECKS.values());
    }

    /** The checks a document of this template is run against: the generic ones and the checks between its tables that it declares. */
    public static List<Check> checks(TemplateProfile profile) {
        List<Check> out = new ArrayList<>();
        for (Check c : CHECKS.values()) {
            if (c.id().equals(CROSS_BEFORE)) out.addAll(CrossChecks.of(profile));
            out.add(c);
        }
        return List.copyOf(out);
    }

    public static Check check(String id) {
        return check(id, null);
    }

    /** A check by id (or an earlier id), among the generic ones and the profile's own. */
    public static Check check(String id, TemplateProfile profile) {
        Check c = CHECKS.get(id);
        if (c == null && ALIASES.containsKey(id)) c = CHECKS.get(ALIASES.get(id));
        if (c == null && TEXT_ALIASES.containsKey(id)) c = CHECKS.get(TEXT_ALIASES.get(id));
        if (c == null) {
            for (Check x : CrossChecks.of(profile)) if (x.id().equals(id)) c = x;
        }
        if (c == null) throw new IllegalArgumentException("no check " + id);
        return c;
    }

    /** The id a report's id stands for now (itself, or the rule an earlier id names). */
    public static String resolve(String id) {
        if (CHECKS.containsKey(id)) return id;
        return TEXT_ALIASES.containsKey(id) ? TEXT_ALIASES.get(id) : ALIASES.getOrDefault(id, id);
    }

    /** The table an earlier id is restricted to (T3.row-sum → 3), or null. */
    static Integer aliasTable(String id) {
        if (!ALIASES.containsKey(id)) return null;
        return Integer.valueOf(id.substring(1, id.indexOf('.')));
    }

    /** Runs every check; findings ordered by severity, then table. */
    public static List<Finding> run(Disclosure d, TemplateProfile profile, ReferenceData ref) {
        CheckContext ctx = new CheckContext(d, profile, ref);
        boolean fullText = profile.text().outline().readInFull(), generated = profile.meta().generated();
        for (Check c : checks(profile)) {
            if (!generated && GENERATED.contains(c.id()) || !fullText && FULL_TEXT.contains(c.id())) continue;
            runOne(ctx, c);
        }
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
        ctx.only(aliasTable(id));
        runOne(ctx, check(id, profile));
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
