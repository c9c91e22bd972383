package org.openbudget.web;

import java.nio.file.Path;

import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.web.service.ReferenceStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class Config {
    /**
     * The built-in reference data, or a finance bureau's directory (budget.refdata, env BUDGET_REFDATA) as the CLI's --refdata;
     * over both, the lists and profiles the administrator stored in the database (ReferenceStore), read again when they change.
     */
    @Bean
    public ReferenceLibrary referenceLibrary(@Value("${budget.refdata:${BUDGET_REFDATA:}}") String dir, ReferenceStore stored) {
        return new ReferenceLibrary(dir.isBlank() ? ReferenceLibrary.environmentDir() : Path.of(dir), stored);
    }
}
