package org.openbudget.core.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything a budget year prescribes: its two classifications and its funding sources. */
public final class ReferenceData {
    private final int year;
    private final Classification functional;
    private final Classification economic;
    private final Map<String, FundingSource> sources = new LinkedHashMap<>();

    public ReferenceData(int year, Classification functional, Classification economic, List<FundingSource> sources) {
        this.year = year;
        this.functional = functional;
        this.economic = economic;
        for (FundingSource s : sources) this.sources.put(s.code(), s);
    }

    public int year() { return year; }
    public Classification functional() { return functional; }
    public Classification economic() { return economic; }
    public List<FundingSource> sources() { return List.copyOf(sources.values()); }

    /** By code (GPB) or by Chinese name (本级一般财力). */
    public Optional<FundingSource> source(String codeOrName) {
        FundingSource s = sources.get(codeOrName);
        if (s != null) return Optional.of(s);
        return sources.values().stream().filter(f -> f.name().equals(codeOrName)).findFirst();
    }
}
