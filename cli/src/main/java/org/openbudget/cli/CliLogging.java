package org.openbudget.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import org.openbudget.io.guard.FailureLog;

/**
 * The logging of a {@code ./budget} command, set up in code: what {@code logback.xml} says, without
 * parsing XML at every start (logback's XML configurator loaded some 360 classes and took about a tenth of
 * a one-file audit's start). Found by logback through {@code META-INF/services}; {@code ./budget serve}
 * is then configured again by Spring Boot from {@code logback.xml}, which stays the web's configuration.
 *
 * <p>Everything goes to standard error: standard output belongs to the command's result (tables, findings,
 * JSON, CSV). What the libraries say about a damaged file (PDFBox, fontbox, POI) is for developers: it goes
 * to {@code libraries.log} beside the failure log ({@link FailureLog#file()}), never onto the terminal, where
 * the reader's own located message says what is wrong. {@code -Dlogback.configurationFile=…} still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class CliLogging extends ContextAwareBase implements Configurator {
    /** The libraries whose messages go to {@code libraries.log}, at {@link #LIBRARY_LEVEL} and above. */
    static final String[] LIBRARIES = {"org.apache.pdfbox", "org.apache.fontbox", "org.apache.poi"};
    static final Level LIBRARY_LEVEL = Level.ERROR;
    static final String OWN = "org.openbudget";
    static final Level OWN_LEVEL = Level.INFO;
    static final Level ROOT_LEVEL = Level.WARN;

    /** The level from which a logger of this name writes anything, as {@link #configure} sets them. */
    static Level threshold(String name) {
        for (String l : LIBRARIES) if (within(name, l)) return LIBRARY_LEVEL;
        return within(name, OWN) ? OWN_LEVEL : ROOT_LEVEL;
    }

    private static boolean within(String name, String parent) {
        return name.startsWith(parent) && (name.length() == parent.length() || name.charAt(parent.length()) == '.');
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n"));
        console.start();

        FileAppender<ILoggingEvent> libraries = new FileAppender<>();
        libraries.setContext(context);
        libraries.setName("LIBRARIES");
        libraries.setFile(FailureLog.file().resolveSibling("libraries.log").toString());
        libraries.setEncoder(encoder(context, "%d{ISO8601} %-5level %logger{36} [%thread] - %msg%n"));
        libraries.start();

        for (String name : LIBRARIES) {
            Logger l = context.getLogger(name);
            l.setLevel(LIBRARY_LEVEL);
            l.setAdditive(false);
            l.addAppender(libraries);
        }
        context.getLogger(OWN).setLevel(OWN_LEVEL);
        context.getLogger("org.springframework.boot.web.embedded").setLevel(Level.INFO);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(ROOT_LEVEL);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(context);
        e.setPattern(pattern);
        e.start();
        return e;
    }
}
