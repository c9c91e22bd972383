package org.openbudget.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.classification.ReferenceData;

import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;
import org.openbudget.core.ledger.Origin;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The good Disclosures the check tests break: the three examples, derived from their ledgers, and
 * FUNDS — the SME center's ledger plus a little 政府性基金, 国有资本经营 and 非财政拨款结转 money, so
 * that 表8, 表9 and the non-fiscal half of 表11 have rows.
 */
enum Fixtures {
    SME("urumqi-sme-center-2024"),
    DEPT("urumqi-industry-it-bureau-2024"),
    SCI("urumqi-sci-tech-info-center-2024"),
    FUNDS(null),
    /** FUNDS derived under the national standard profile (national-2016): its generic checks only. */
    NATIONAL(null),
    /** The SME center's dataset (its text data included) under the national standard profile: the national text. */
    NATIONAL_TEXT(null);

    static final String SME_CODE = "650100417003";
    static final String GFB_PROJECT = "政府性基金测试项目";
    static final String SOC_PROJECT = "国有资本经营测试项目";

    private static final Workspace WORKSPACE = new Workspace(ReferenceLibrary.standard());
    private final String dir;
    private Workspace.Loaded loaded;

    Fixtures(String dir) { this.dir = dir; }

    synchronized Workspace.Loaded loaded() {
        if (loaded == null) loaded = dir != null ? WORKSPACE.load(Path.of("../examples", dir)) : this == NATIONAL ? national()
                : this == NATIONAL_TEXT ? WORKSPACE.loaded(SME.loaded().budget(), "national-2016") : funds();
        return loaded;
    }

    Disclosure disclosure() { return loaded().disclosure(); }
    TemplateProfile profile() { return loaded().profile(); }
    ReferenceData ref() { return loaded().ref(); }

    private static Workspace.Loaded funds() {
        Workspace.Loaded sme = SME.loaded();
        Budget b = sme.budget();
        List<Project> projects = new ArrayList<>(b.projects());
        projects.add(new Project("65010024T000000901", GFB_PROJECT, SME_CODE, false));
        projects.add(new Project("65010024T000000902", SOC_PROJECT, SME_CODE, false));
        String existing = b.projects().get(0).code();
        List<LedgerLine> lines = new ArrayList<>(b.lines());
        lines.add(line("2290402", "30905", Nature.PROJECT, "65010024T000000901", "GFB", 50_0000_00L));
        lines.add(line("2080505", "30108", Nature.BASIC, null, "GFB", 2_0000_00L));
        lines.add(line("2150899", "31299", Nature.PROJECT, "65010024T000000902", "SOC", 30_0000_00L));
        lines.add(line("2150899", "30201", Nature.BASIC, null, "SOC", 1_0000_00L));
        lines.add(line("2060499", "30213", Nature.PROJECT, existing, "CO_UNIT", 5_0000_00L));
        Budget funds = new Budget(b.agency(), b.year(), b.profileId(), projects, lines, b.units(), b.origin());
        return new Workspace.Loaded(funds, sme.ref(), sme.profile(), Pipeline.derive(funds, sme.ref(), sme.profile()));
    }

    private static Workspace.Loaded national() {
        Workspace.Loaded funds = FUNDS.loaded();
        return WORKSPACE.loaded(funds.budget(), "national-2016");
    }

    /** amount in 分. */
    private static LedgerLine line(String func, String eco, Nature nature, String project, String source, long fen) {
        return new LedgerLine(SME_CODE, func, eco, nature, project, source, fen, Origin.NONE);
    }
}
