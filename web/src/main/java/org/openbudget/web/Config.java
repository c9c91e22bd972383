package org.openbudget.web;

import java.nio.file.Path;

import org.openbudget.io.refdata.ReferenceLibrary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class Config {
    /** The built-in reference data, or a finance bureau's directory (budget.refdata, env BUDGET_REFDATA) as the CLI's --refdata. */
    @Bean
    public ReferenceLibrary referenceLibrary(@Value("${budget.refdata:${BUDGET_REFDATA:}}") String dir) {
        return dir.isBlank() ? ReferenceLibrary.standard() : new ReferenceLibrary(Path.of(dir));
    }
}
