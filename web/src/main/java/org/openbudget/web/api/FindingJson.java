package org.openbudget.web.api;

import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@link Finding} in the API's JSON: its fields by name, as when it was a record (the core has no
 * Jackson; its accessors are {@code id()}, not {@code getId()}, so Jackson needs to be told).
 */
@Configuration
public class FindingJson {
    @Bean
    Jackson2ObjectMapperBuilderCustomizer findingMixIn() {
        return b -> b.mixIn(Finding.class, Shape.class);
    }

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    @JsonPropertyOrder({"id", "severity", "table", "code", "project", "column", "section", "expected", "found", "message"})
    abstract static class Shape {
        @JsonProperty("id") abstract String id();
        @JsonProperty("severity") abstract Severity severity();
        @JsonProperty("table") abstract Integer table();
        @JsonProperty("code") abstract String code();
        @JsonProperty("project") abstract String project();
        @JsonProperty("column") abstract String column();
        @JsonProperty("section") abstract String section();
        @JsonProperty("expected") abstract String expected();
        @JsonProperty("found") abstract String found();
        @JsonProperty("message") abstract String message();
    }
}
