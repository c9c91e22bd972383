package org.openbudget.io.guard;


/**
 * The bounds every reader keeps whatever the input (issue 16): sizes, counts, nesting, digits and
 * magnitudes, and the wall-clock budget of reading one document. Each can be changed by a system
 * property {@code budget.limit.NAME} or an environment variable {@code BUDGET_LIMIT_NAME} (NAME as
 * below, e.g. {@code -Dbudget.limit.seconds=60} or {@code BUDGET_LIMIT_ROWS=200000}); a value that
 * is not a positive whole number is ignored (the default stays).
 *
 * <p>The defaults are generous for any real budget document and small enough that one reading
 * stays within a few hundred MB of heap and a few seconds.
 */
public record ReadLimits(
        /** a YAML dataset file, bytes */
        long yamlBytes,
        /** an Excel workbook file, bytes */
        long workbookBytes,
        /** a published text, bytes */
        long textBytes,
        /** a PDF file, bytes */
        long pdfBytes,
        /** PDF pages read */
        int pdfPages,
        /** a decoded PDF stream (content stream, image, font), bytes */
        long pdfStreamBytes,
        /** data rows of one worksheet (or ledger lines of one YAML dataset) */
        int rows,
        /** characters of one line of a published text (or of one cell / YAML scalar) */
        int lineChars,
        /** YAML nesting depth */
        int yamlDepth,
        /** YAML aliases (anchors used) in one file */
        int yamlAliases,
        /** entries of an .xlsx zip */
        int zipEntries,
        /** inflated size of one .xlsx zip entry, bytes */
        long zipEntryBytes,
        /** the smallest compressed/inflated ratio of an .xlsx entry (zip-bomb guard), in thousandths */
        int zipMinRatioPermille,
        /** characters of text POI extracts from one part */
        long zipTextChars,
        /** digits of an amount (before and after the decimal point together) */
        int amountDigits,
        /** one amount at most, in 元 (10^12 元 = 1 万亿元: beyond any unit's budget line) */
        long amountYuan,
        /** wall-clock budget for reading one document, seconds */
        int seconds,
        /** problems listed at most (the count of all is given) */
        int problems) {

    public static final ReadLimits DEFAULTS = new ReadLimits(
            8L << 20, 20L << 20, 16L << 20, 64L << 20, 2_000, 64L << 20, 100_000, 65_536, 40, 50,
            1_000, 256L << 20, 10, 64L << 20, 18, 1_000_000_000_000L, 30, 100);

    /**
     * The largest amount any reader accepts, in 元, whatever the configuration: 10^14 元 keeps a
     * ledger of the largest allowed number of lines far from {@code Long.MAX_VALUE} 分 (the core
     * still adds with {@link Math#addExact}).
     */
    public static final long AMOUNT_YUAN_CEILING = 100_000_000_000_000L;

    // equals and hashCode written out: a record's generated ones are built from method handles at their first call
    // (for eighteen components, a few milliseconds of a one-file audit's start, where a reading ahead is matched to
    // the limits in force); ReadLimitsTest holds every component to them
    @Override
    public boolean equals(Object o) {
        return o instanceof ReadLimits r && java.util.Arrays.equals(values(), r.values());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(values());
    }

    private long[] values() {
        return new long[] {yamlBytes, workbookBytes, textBytes, pdfBytes, pdfPages, pdfStreamBytes, rows, lineChars, yamlDepth, yamlAliases,
                zipEntries, zipEntryBytes, zipMinRatioPermille, zipTextChars, amountDigits, amountYuan, seconds, problems};
    }

    /** The limits in force: the defaults, each overridden by its property or environment variable. */
    public static ReadLimits current() {
        ReadLimits d = DEFAULTS;
        return new ReadLimits(
                get("yamlBytes", d.yamlBytes), get("workbookBytes", d.workbookBytes), get("textBytes", d.textBytes),
                get("pdfBytes", d.pdfBytes), (int) get("pdfPages", d.pdfPages), get("pdfStreamBytes", d.pdfStreamBytes),
                (int) get("rows", d.rows), (int) get("lineChars", d.lineChars), (int) get("yamlDepth", d.yamlDepth),
                (int) get("yamlAliases", d.yamlAliases), (int) get("zipEntries", d.zipEntries), get("zipEntryBytes", d.zipEntryBytes),
                (int) get("zipMinRatioPermille", d.zipMinRatioPermille), get("zipTextChars", d.zipTextChars),
                (int) Math.min(get("amountDigits", d.amountDigits), 18), Math.min(get("amountYuan", d.amountYuan), AMOUNT_YUAN_CEILING),
                (int) get("seconds", d.seconds), (int) get("problems", d.problems));
    }

    /** "pdfStreamBytes" → "BUDGET_LIMIT_PDF_STREAM_BYTES" (without a regular expression: the limits are read at every audit). */
    static String envName(String name) {
        StringBuilder b = new StringBuilder(13 + name.length() + 4).append("BUDGET_LIMIT_");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) b.append('_');
            b.append(Character.toUpperCase(c));
        }
        return b.toString();
    }

    private static long get(String name, long dflt) {
        String v = System.getProperty("budget.limit." + name);
        if (v == null) {
            String env = envName(name);
            v = System.getenv(env);
        }
        if (v == null) return dflt;
        try {
            long n = Long.parseLong(v.trim());
            return n > 0 && n <= Integer.MAX_VALUE * 1024L ? n : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Bytes as the user reads them: "8 MB", "512 KB". */
    public static String size(long bytes) {
        if (bytes >= 1L << 20) return (bytes >> 20) + " MB";
        if (bytes >= 1L << 10) return (bytes >> 10) + " KB";
        return bytes + " 字节";
    }

    /** The largest amount in 分. */
    public long amountFen() {
        return amountYuan * 100;
    }
}
