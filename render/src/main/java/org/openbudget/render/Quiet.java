package org.openbudget.render;

/**
 * The renderers have nothing to tell a user through logging, but their libraries do: POI logs through
 * the Log4j API (which complains on stderr when it has no implementation), PDFBox through
 * commons-logging (which may end in logback when the application has it, and then warns about a
 * fallback for the Symbol base font that the documents never use). Both are turned down here.
 */
public final class Quiet {
    private static volatile boolean done;

    private Quiet() {}

    public static void logging() {
        if (done) return;
        done = true;
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        if (System.getProperty("org.apache.logging.log4j.simplelog.level") == null) {
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        }
        // logback, when present: PDFBox and POI at ERROR (reflection: the renderers do not depend on it)
        try {
            Class<?> factory = Class.forName("org.slf4j.LoggerFactory");
            Class<?> level = Class.forName("ch.qos.logback.classic.Level");
            Object error = level.getField("ERROR").get(null);
            for (String name : new String[] {"org.apache.pdfbox", "org.apache.fontbox", "org.apache.poi"}) {
                Object logger = factory.getMethod("getLogger", String.class).invoke(null, name);
                if (logger.getClass().getName().equals("ch.qos.logback.classic.Logger")) {
                    logger.getClass().getMethod("setLevel", level).invoke(logger, error);
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // no slf4j or no logback: nothing to turn down
        }
    }
}
