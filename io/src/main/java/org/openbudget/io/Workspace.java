package org.openbudget.io;

import java.nio.file.Path;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;

/** The edge that ties reading to the pure core: a dataset path in, its budget, template and Disclosure out. */
public final class Workspace {
    private final ReferenceLibrary library;

    public Workspace(ReferenceLibrary library) {
        this.library = library;
    }

    public ReferenceLibrary library() { return library; }

    public Loaded load(Path path) {
        Budget budget = new DatasetReader(library).read(path);
        ReferenceData ref = library.year(budget.year());
        TemplateProfile profile = library.profile(budget.profileId());
        Disclosure lastYear = null;
        Budget previous = budget.narrative().lastYear().dataset();
        if (previous != null) {
            lastYear = Deriver.tables(previous, library.year(previous.year()), library.profile(previous.profileId()));
        }
        return new Loaded(budget, ref, profile, Deriver.derive(budget, ref, profile, lastYear));
    }

    public record Loaded(Budget budget, ReferenceData ref, TemplateProfile profile, Disclosure disclosure) {}
}
