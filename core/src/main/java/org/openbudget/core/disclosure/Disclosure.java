package org.openbudget.core.disclosure;

import java.util.List;
import java.util.Optional;

import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.ledger.AgencyKind;

/**
 * The hub: a budget disclosure document as data — whichever road it came by (derived from a
 * ledger, or read from a published file). Checks and renderers only ever see this.
 *
 * @param unitName the 编制单位 / 编制部门
 * @param tables   第二部分: the eleven tables
 * @param text     第一部分, 第三部分 (sections and the facts they state), performance tables,
 *                 第四部分 and the closing; {@link DocumentText#EMPTY} when there is no text
 * @param origin   "ledger" or the file it was read from (informative only; checks never look at it)
 */
public record Disclosure(String unitName, AgencyKind kind, int year, String profileId,
                         List<DisclosureTable> tables, DocumentText text, String origin) {
    public Disclosure {
        tables = List.copyOf(tables);
        text = text == null ? DocumentText.EMPTY : text;
    }

    /** A document of tables only. */
    public Disclosure(String unitName, AgencyKind kind, int year, String profileId,
                      List<DisclosureTable> tables, String origin) {
        this(unitName, kind, year, profileId, tables, DocumentText.EMPTY, origin);
    }

    public Optional<DisclosureTable> table(int no) {
        return tables.stream().filter(t -> t.no() == no).findFirst();
    }

    public Disclosure withTables(List<DisclosureTable> newTables) {
        return new Disclosure(unitName, kind, year, profileId, newTables, text, origin);
    }

    public Disclosure withText(DocumentText newText) {
        return new Disclosure(unitName, kind, year, profileId, tables, newText, origin);
    }
}
