package org.openbudget.audit.shape;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.profile.Bindings;
import org.openbudget.core.profile.MoneyCells;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * The columns a document can fill by the funding sources it has money of ({@link DocumentContext#sourcesInUse}: the
 * income rows of its first summary): a column of sources it has none of holds no amount. A page's column of amounts a
 * header squeezed by pdftotext puts under such a column (烟台 公开表12 政府采购预算表: "71.89" printed under 政府性基金预算,
 * its amounts 一般公共预算's in the PDF, the document having no 政府性基金 money) is its neighbour's, a column the
 * document can fill that no column of the page is.
 */
final class FundedColumns {
    private FundedColumns() {}

    /** Per template column, whether the document can fill it (all true while the sources in use are not known). */
    static boolean[] of(TableTemplate t, TemplateProfile profile, ReferenceData ref, long sourcesInUse) {
        int n = t.columns().size();
        boolean[] a = new boolean[n];
        java.util.Arrays.fill(a, true);
        if (sourcesInUse <= 0) return a;
        for (int c = 0; c < n; c++) {
            long mask = 0;
            for (var term : MoneyCells.key(Bindings.column(t.columns().get(c), profile.measures()), ref.sources())) mask |= term.sources();
            if (mask != 0 && (mask & sourcesInUse) == 0) a[c] = false;
        }
        return a;
    }

    /**
     * The page's columns as the template's ({@code pos}: each template column's page column, −1 none), a page column
     * put under a column the document cannot fill moved to the column beside it (left first) that it can fill and that
     * no page column is. A new array when one moved; {@code pos} itself otherwise.
     */
    static int[] moved(int[] pos, boolean[] funded) {
        int[] out = pos;
        for (int c = 0; c < pos.length && c < funded.length; c++) {
            if (funded[c] || out[c] < 0) continue;
            for (int to : new int[] {c - 1, c + 1}) {
                if (to < 0 || to >= out.length || to >= funded.length || !funded[to] || out[to] >= 0) continue;
                if (out == pos) out = pos.clone();
                out[to] = out[c];
                out[c] = -1;
                break;
            }
        }
        return out;
    }
}
