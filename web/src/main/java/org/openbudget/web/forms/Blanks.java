package org.openbudget.web.forms;

import org.openbudget.web.forms.FormRows.IndicatorRow;
import org.openbudget.web.forms.FormRows.KeyedRow;

/** Empty rows, for the page's row templates (a new row is a copy of one of these). */
public final class Blanks {
    public final LinesForm.LineRow line = new LinesForm.LineRow();
    public final ProjectsForm.ProjectRow project = new ProjectsForm.ProjectRow();
    public final ProjectsForm.ProjectTextRow text = new ProjectsForm.ProjectTextRow();
    public final ProjectsForm.AllocationRow allocation = new ProjectsForm.AllocationRow();
    public final IndicatorRow indicator = new IndicatorRow();
    public final KeyedRow keyed = new KeyedRow();
    public final AccountsForm.EntryRow entry = new AccountsForm.EntryRow();
}
