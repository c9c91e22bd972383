package org.openbudget.web.workflow;

import static org.openbudget.web.db.repositories.Status.APPROVED;
import static org.openbudget.web.db.repositories.Status.DRAFT;
import static org.openbudget.web.db.repositories.Status.PUBLISHED;
import static org.openbudget.web.db.repositories.Status.RETURNED;
import static org.openbudget.web.db.repositories.Status.SUBMITTED;
import static org.openbudget.web.workflow.Transition.Rule.COMMENT;
import static org.openbudget.web.workflow.Transition.Rule.CORRECTION;
import static org.openbudget.web.workflow.Transition.Rule.MARKS_DEPARTMENT;
import static org.openbudget.web.workflow.Transition.Rule.NO_ERRORS;
import static org.openbudget.web.workflow.Transition.Rule.PUBLISHES;
import static org.openbudget.web.workflow.Transition.Rule.UNITS_APPROVED;
import static org.openbudget.web.workflow.Transition.Rule.UNITS_CURRENT;
import static org.openbudget.web.workflow.Transition.Rule.WARNINGS_EXPLAINED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.openbudget.web.db.repositories.Status;
import org.openbudget.web.workflow.Transition.Rule;

/**
 * The life of a working document as one table: party × action × state → next state, with what is
 * recorded and demanded. {@code WorkflowService} consults it before every action, the pages to decide which
 * buttons to show and the REST API for a document's {@code actions}; no other code tests a state to
 * allow or refuse an action. docs/web.md prints it.
 *
 * <p>A unit prepares (saves) and submits, and may withdraw a submission not yet decided; its department
 * may return it; a department consolidates its units, writes its own text and submits; the finance bureau
 * returns, approves, then publishes. Saving or consolidating an approved or published document starts a
 * correction: a new draft, published later as a new version.
 */
public final class Transitions {
    private Transitions() {}

    /** Every state a document can be edited from; {@code null} is "no document yet". */
    private static final Status NONE = null;

    private static final List<Transition> TABLE = build();

    private static List<Transition> build() {
        List<Transition> t = new ArrayList<>();
        // the unit's preparer
        add(t, Party.PREPARER, Action.SAVE, DRAFT, "保存数据集", states(NONE, DRAFT, RETURNED));
        add(t, Party.PREPARER, Action.SAVE, DRAFT, "保存数据集", states(APPROVED, PUBLISHED), CORRECTION, MARKS_DEPARTMENT);
        add(t, Party.PREPARER, Action.SUBMIT, SUBMITTED, "提交", states(DRAFT, RETURNED), NO_ERRORS, WARNINGS_EXPLAINED);
        add(t, Party.PREPARER, Action.WITHDRAW, DRAFT, "撤回提交", states(SUBMITTED));
        // the department, for its own document
        add(t, Party.DEPARTMENT, Action.CONSOLIDATE, DRAFT, "汇总", states(NONE, DRAFT, RETURNED));
        add(t, Party.DEPARTMENT, Action.CONSOLIDATE, DRAFT, "汇总", states(APPROVED, PUBLISHED), CORRECTION);
        add(t, Party.DEPARTMENT, Action.EDIT_TEXT, DRAFT, "保存部门文字", states(DRAFT, RETURNED));
        add(t, Party.DEPARTMENT, Action.EDIT_TEXT, DRAFT, "保存部门文字", states(APPROVED, PUBLISHED), CORRECTION);
        add(t, Party.DEPARTMENT, Action.SUBMIT, SUBMITTED, "提交", states(DRAFT, RETURNED), UNITS_CURRENT, NO_ERRORS, WARNINGS_EXPLAINED);
        add(t, Party.DEPARTMENT, Action.WITHDRAW, DRAFT, "撤回提交", states(SUBMITTED));
        // the department, for one of its units
        add(t, Party.PARENT_DEPARTMENT, Action.DEPARTMENT_RETURN, RETURNED, "主管部门退回", states(SUBMITTED), COMMENT);
        // the finance bureau of the region
        add(t, Party.REVIEWER, Action.RETURN, RETURNED, "退回", states(SUBMITTED), COMMENT, MARKS_DEPARTMENT);
        add(t, Party.REVIEWER, Action.APPROVE, APPROVED, "审核通过", states(SUBMITTED), UNITS_APPROVED, NO_ERRORS);
        add(t, Party.REVIEWER, Action.PUBLISH, PUBLISHED, "发布", states(APPROVED), UNITS_APPROVED, NO_ERRORS, PUBLISHES);
        return List.copyOf(t);
    }

    private static List<Status> states(Status... s) { return Arrays.asList(s); }

    private static void add(List<Transition> t, Party by, Action a, Status to, String recorded, List<Status> from, Rule... rules) {
        Set<Rule> r = rules.length == 0 ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(Arrays.asList(rules));
        for (Status f : from) {
            if (find(t, by, a, f).isPresent()) throw new IllegalStateException("two transitions for " + by + " " + a + " from " + f);
            t.add(new Transition(by, a, f, to, recorded, Set.copyOf(r)));
        }
    }

    private static Optional<Transition> find(List<Transition> t, Party by, Action a, Status from) {
        return t.stream().filter(x -> x.by() == by && x.action() == a && x.from() == from).findFirst();
    }

    /** Every row. */
    public static List<Transition> all() { return TABLE; }

    /** The transition one of these parties makes with this action from this state ({@code null}: no document). */
    public static Optional<Transition> find(Collection<Party> parties, Action a, Status from) {
        return TABLE.stream().filter(x -> parties.contains(x.by()) && x.action() == a && x.from() == from).findFirst();
    }

    /** Whether one of these parties takes this action from any state: if not, asking is refused for access, whatever the state. */
    public static boolean takesPart(Collection<Party> parties, Action a) {
        return TABLE.stream().anyMatch(x -> parties.contains(x.by()) && x.action() == a);
    }

    /** What these parties may do now (the buttons a page shows, a document's {@code actions}). */
    public static Set<Action> allowed(Collection<Party> parties, Status from) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        for (Transition x : TABLE) if (parties.contains(x.by()) && x.from() == from) out.add(x.action());
        return out;
    }

    /** Why the action is refused from this state (the parties take part in it, but not from here). */
    public static String refusal(Collection<Party> parties, Action a, Status from) {
        List<String> fromStates = TABLE.stream().filter(x -> parties.contains(x.by()) && x.action() == a && x.from() != null)
                .map(Transition::fromLabel).distinct().toList();
        String allowedFrom = fromStates.size() <= 1 ? String.join("", fromStates)
                : String.join("、", fromStates.subList(0, fromStates.size() - 1)) + "或" + fromStates.get(fromStates.size() - 1);
        boolean edit = a == Action.SAVE || a == Action.EDIT_TEXT || a == Action.CONSOLIDATE;
        String hint = !edit || from != SUBMITTED ? ""
                : find(parties, Action.WITHDRAW, SUBMITTED).isPresent() ? "该预算已提交，正在审核中；如需修改，请先撤回提交。"
                : "该预算已提交，正在审核中；如需修改请联系财政局退回。";
        return "当前状态「" + Transition.label(from) + "」不能" + a.label() + "：只有" + allowedFrom + "的预算可以" + a.label() + "。" + hint;
    }
}
