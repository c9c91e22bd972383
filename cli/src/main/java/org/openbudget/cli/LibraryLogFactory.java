package org.openbudget.cli;

import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The commons-logging of the PDF library (PDFBox, fontbox) in a command run once on a document: a logger that
 * stays a few bytes until it has something to write. commons-logging's own discovery would bind every one of
 * PDFBox's loggers to SLF4J and so start logback (some 300 classes, a fifth of a second of a one-file audit's start)
 * for messages that {@link CliLogging} then drops: it keeps the PDF library's at {@code ERROR} and above. Here a
 * message below its logger's threshold ({@link CliLogging#threshold}) costs a comparison, and the first one at or
 * above it binds that logger to SLF4J — so what reaches {@code libraries.log} or the terminal is exactly what it was.
 * Installed by {@link BudgetCli} for the one-shot commands ({@link #install}) unless logging is configured from
 * outside ({@code -Dlogback.configurationFile}, or commons-logging's own {@code org.apache.commons.logging.LogFactory}).
 */
public final class LibraryLogFactory extends LogFactory {
    private static volatile boolean installed;

    /** Whether this process is a one-shot command whose logging {@link CliLogging} sets up ({@link #install} was called). */
    static boolean installed() {
        return installed;
    }

    /**
     * Makes this the factory of the calling thread's class loader (and of the threads it starts, which inherit it),
     * before any library asks: commons-logging would otherwise first look for {@code commons-logging.properties}
     * in every jar of the class path (opening each: some 40 ms of a one-file audit's start) and only then read the
     * system property that names this factory, which stays set for any other class loader.
     */
    static void install() {
        installed = true;
        System.setProperty(FACTORY_PROPERTY, LibraryLogFactory.class.getName());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            if (loader != null && factories != null) factories.put(loader, new LibraryLogFactory());   // put: its store wraps the keys (WeakHashtable)
        } catch (RuntimeException e) {
            // commons-logging then finds this factory by the system property
        }
    }

    private final ConcurrentHashMap<String, Log> logs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> attributes = new ConcurrentHashMap<>();

    @Override
    public Log getInstance(String name) {
        return logs.computeIfAbsent(name, Lazy::new);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Log getInstance(Class clazz) {
        return getInstance(clazz.getName());
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String[] getAttributeNames() {
        return attributes.keySet().toArray(new String[0]);
    }

    @Override
    public void release() {
        logs.clear();
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) attributes.remove(name);
        else attributes.put(name, value);
    }

    /** Levels in commons-logging's order. */
    private static final int TRACE = 0, DEBUG = 1, INFO = 2, WARN = 3, ERROR = 4;

    /** One logger: below its threshold nothing; at or above it, SLF4J's logger of the same name (made then). */
    static final class Lazy implements Log {
        private final String name;
        private final int threshold;
        private volatile org.slf4j.Logger bound;

        Lazy(String name) {
            this.name = name;
            ch.qos.logback.classic.Level l = CliLogging.threshold(name);
            this.threshold = l.levelInt <= ch.qos.logback.classic.Level.TRACE_INT ? TRACE
                    : l.levelInt <= ch.qos.logback.classic.Level.DEBUG_INT ? DEBUG
                    : l.levelInt <= ch.qos.logback.classic.Level.INFO_INT ? INFO
                    : l.levelInt <= ch.qos.logback.classic.Level.WARN_INT ? WARN : ERROR;
        }

        private org.slf4j.Logger slf4j() {
            org.slf4j.Logger b = bound;
            if (b == null) bound = b = org.slf4j.LoggerFactory.getLogger(name);
            return b;
        }

        private boolean on(int level) {
            return level >= threshold;
        }

        @Override public boolean isTraceEnabled() { return on(TRACE) && slf4j().isTraceEnabled(); }
        @Override public boolean isDebugEnabled() { return on(DEBUG) && slf4j().isDebugEnabled(); }
        @Override public boolean isInfoEnabled() { return on(INFO) && slf4j().isInfoEnabled(); }
        @Override public boolean isWarnEnabled() { return on(WARN) && slf4j().isWarnEnabled(); }
        @Override public boolean isErrorEnabled() { return on(ERROR) && slf4j().isErrorEnabled(); }
        @Override public boolean isFatalEnabled() { return isErrorEnabled(); }

        @Override public void trace(Object m) { if (on(TRACE)) slf4j().trace(String.valueOf(m)); }
        @Override public void trace(Object m, Throwable t) { if (on(TRACE)) slf4j().trace(String.valueOf(m), t); }
        @Override public void debug(Object m) { if (on(DEBUG)) slf4j().debug(String.valueOf(m)); }
        @Override public void debug(Object m, Throwable t) { if (on(DEBUG)) slf4j().debug(String.valueOf(m), t); }
        @Override public void info(Object m) { if (on(INFO)) slf4j().info(String.valueOf(m)); }
        @Override public void info(Object m, Throwable t) { if (on(INFO)) slf4j().info(String.valueOf(m), t); }
        @Override public void warn(Object m) { if (on(WARN)) slf4j().warn(String.valueOf(m)); }
        @Override public void warn(Object m, Throwable t) { if (on(WARN)) slf4j().warn(String.valueOf(m), t); }
        @Override public void error(Object m) { if (on(ERROR)) slf4j().error(String.valueOf(m)); }
        @Override public void error(Object m, Throwable t) { if (on(ERROR)) slf4j().error(String.valueOf(m), t); }
        @Override public void fatal(Object m) { error(m); }
        @Override public void fatal(Object m, Throwable t) { error(m, t); }
    }
}
