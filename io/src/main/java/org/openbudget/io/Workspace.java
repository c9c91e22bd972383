package org.openbudget.io;

import java.nio.file.Path;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.workbook.WorkbookReader;

/**
 * The edge that ties reading to the pure core's pipeline ({@link Pipeline}): a dataset or workbook path
 * in → its budget read → the document derived (tables, then text) → {@link Loaded#check() checked}; the
 * renderers and the web take it from there.
 */
public final class Workspace {
    private final ReferenceLibrary library;

    public Workspace(ReferenceLibrary library) {
        this.library = library;
    }

    public ReferenceLibrary library() { return library; }

    /** PATH is a YAML dataset (file or directory) or an Excel workbook (.xlsx, docs/workbook.md). */
    public Loaded load(Path path) {
        return loaded(read(path));
    }

    /** The budget of a dataset or workbook, validated but not derived. */
    public Budget read(Path path) {
        WorkbookReader workbooks = new WorkbookReader(library);
        if (WorkbookReader.isWorkbook(path)) return workbooks.read(path);
        // a department dataset may list its units' workbooks (docs/workbook.md)
        return new DatasetReader(library, p -> WorkbookReader.isWorkbook(p) ? workbooks.read(p) : null).read(path);
    }

    /** Derives a budget read elsewhere (an uploaded workbook, a database). */
    public Loaded loaded(Budget budget) {
        return loaded(budget, budget.profileId());
    }

    /** Derives a budget under a template profile of one's choosing (any region's: its tables, titles and columns). */
    public Loaded loaded(Budget budget, String profileId) {
        try {
            return derive(budget, profileId);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // what the reader accepted the derivation must take; if it cannot, the user gets a located refusal, the developers the stack
            String file = budget.origin() == null ? "" : budget.origin().file();
            String id = org.openbudget.io.guard.FailureLog.log(file, "deriving the tables and the text", e);
            throw new InputException(file, 0, "", "此文件无法生成公开表和文字：数据集已读入，但其中的内容无法按模板排列（记录编号 " + id
                    + "，详情见日志） (the tables could not be derived from this dataset)");
        }
    }

    private Loaded derive(Budget budget, String profileId) {
        ReferenceData ref = library.year(budget.year());
        TemplateProfile profile = library.profile(profileId);
        if (!budget.basis().equals(profile.meta().basis())) {
            // a 决算 template lays out a 决算 dataset (its actuals and accounts), a budget template a budget (docs/dataset.md)
            String file = budget.origin() == null ? "" : budget.origin().file();
            throw new InputException(file, 0, "profile", "模板 " + profileId + " 是" + profile.meta().basis() + "模板，而数据集是"
                    + budget.basis() + "：" + budget.basis() + "数据集只能按" + budget.basis() + "模板生成公开表（请选用" + budget.basis()
                    + "模板，或为" + profile.meta().basis() + "准备" + profile.meta().basis() + "数据集） (the template's basis differs from the dataset's)");
        }
        Disclosure lastYear = null;
        ReferenceData lastYearRef = null;
        Budget previous = budget.narrative().lastYear().dataset();
        if (previous != null) {
            // last year's figures as this document's template prints them (the text reads its comparatives by this
            // template's outline), and last year's reference data for the tables that print last year's ledger
            // beside this year's under this year's template (上年预算数)
            lastYearRef = library.year(previous.year());
            lastYear = Deriver.tables(previous, lastYearRef, profile);
        }
        return new Loaded(budget, ref, profile, Pipeline.derive(budget, ref, profile, lastYear, lastYearRef));
    }

    /** A budget read and derived: its template, the year's reference data and the document (tables and text). */
    public record Loaded(Budget budget, ReferenceData ref, TemplateProfile profile, Disclosure disclosure) {
        /** The check stage of the pipeline on this document. */
        public java.util.List<org.openbudget.core.check.Finding> check() {
            return Pipeline.check(disclosure, profile, ref).findings();
        }
    }
}
