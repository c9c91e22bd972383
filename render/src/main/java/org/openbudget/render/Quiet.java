package org.openbudget.render;

/**
 * POI logs through the Log4j API, which complains on stderr when no Log4j implementation is on the
 * class path. The renderers have nothing to log: use the API's own no-frills logger, quietly.
 */
public final class Quiet {
    private Quiet() {}

    public static void logging() {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        if (System.getProperty("org.apache.logging.log4j.simplelog.level") == null) {
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        }
    }
}
