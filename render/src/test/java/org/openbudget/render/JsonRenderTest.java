package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.openbudget.io.json.DisclosureJson;

class JsonRenderTest {
    @ParameterizedTest
    @CsvSource({"urumqi-sme-center-2024,false", "urumqi-sci-tech-info-center-2024,false", "urumqi-industry-it-bureau-2024,false",
            "urumqi-industry-it-bureau-2024,true"})
    void theTablesShapeExactlyPlusText(String example, boolean withText) throws Exception {
        Rendered.Doc d = Rendered.doc(example, withText);
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(Rendered.bytes(Format.JSON, example, withText));
        JsonNode text = root.remove("text");
        assertThat(root).isEqualTo(DisclosureJson.tree(d.disclosure()));
        assertThat(text).isNotNull();
        assertThat(text.get("sections")).hasSize(d.disclosure().text().sections().size());
        assertThat(text.get("performance")).hasSize(d.disclosure().text().performance().size());
        assertThat(text.get("glossary")).hasSize(d.disclosure().text().glossary().size());
        if (withText) {
            assertThat(text.at("/overview/staffing/retired_change").asInt()).isEqualTo(-2);
            assertThat(text.at("/sections/1/paragraphs/0").asText()).isEqualTo("（一）一般公共预算当年拨款规模变化情况");
            assertThat(text.at("/facts/0/key").asText()).isEqualTo("total");
            assertThat(text.at("/facts/0/value").asText()).isEqualTo("304.15");
            assertThat(text.at("/performance/1/indicators/1/weight").asText()).isEqualTo("40");
            assertThat(text.at("/closing/date").asText()).isEqualTo("2024年2月22日");
        } else {
            assertThat(text.at("/overview/staffing").isNull()).isTrue();
            assertThat(text.at("/closing/name").asText()).isEmpty();
        }
    }
}
