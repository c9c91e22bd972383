package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.openbudget.render.layout.Block;
import org.openbudget.render.layout.Grid;
import org.openbudget.render.layout.GridCell;
import org.openbudget.render.layout.TableView;

class LayoutTest {
    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void everyHeaderAndBodyRowFillsTheGridExactly(String example) {
        for (TableView t : Rendered.doc(example, false).view().tables()) {
            List<List<GridCell>> head = GridCell.header(t);
            var placed = Grid.place(head, t.columnCount(), GridCell::colspan, GridCell::rowspan);
            int covered = placed.stream().mapToInt(p -> p.colspan() * p.rowspan()).sum();
            assertThat(covered).as("表%d header cells cover the grid", t.no()).isEqualTo(head.size() * t.columnCount());
            for (var r : t.rows()) assertThat(r.cells()).as("表%d body row", t.no()).hasSize(t.columnCount());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-industry-it-bureau-2024"})
    void theDocumentFollowsTheOfficialOrder(String example) {
        var doc = Rendered.doc(example, true);
        List<String> headings = doc.view().blocks().stream().filter(b -> b instanceof Block.Heading h && h.level() == 1)
                .map(b -> ((Block.Heading) b).text().substring(0, 4)).toList();
        assertThat(headings).containsExactly("第一部分", "第二部分", "第三部分", "第四部分");
        assertThat(doc.view().blocks().get(0)).isInstanceOf(Block.Cover.class);
        // performance tables sit after 十二（四）, before （五）
        List<Block> bs = doc.view().blocks();
        int perf = -1, five = -1;
        for (int i = 0; i < bs.size(); i++) {
            if (perf < 0 && bs.get(i) instanceof Block.Performance) perf = i;
            if (bs.get(i) instanceof Block.Heading h && h.text().startsWith("（五）")) five = i;
        }
        assertThat(perf).isPositive().isLessThan(five);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-industry-it-bureau-2024"})
    void aDocumentOfTablesOnlyHasNoTextParts(String example) {
        var doc = Rendered.doc(example, false);
        assertThat(doc.view().blocks()).noneMatch(b -> b instanceof Block.Heading h && h.level() == 1
                && (h.text().startsWith("第一部分") || h.text().startsWith("第三部分") || h.text().startsWith("第四部分")));
        assertThat(doc.view().blocks()).filteredOn(b -> b instanceof Block.Table).hasSize(11);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-industry-it-bureau-2024"})
    void preparedByFollowsTheKind(String example) {
        var doc = Rendered.doc(example, false);
        String expected = doc.disclosure().kind().label().equals("部门") ? "编制部门：" : "编制单位：";
        assertThat(doc.view().preparedBy()).startsWith(expected).endsWith(doc.disclosure().unitName());
    }
}
