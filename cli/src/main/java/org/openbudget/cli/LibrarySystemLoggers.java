package org.openbudget.cli;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The platform's loggers ({@link System.Logger}: SnakeYAML's, the JDK's own) of a {@code ./budget} process, sent to
 * SLF4J like every other library's. Without this the first {@code System.getLogger} — SnakeYAML asks for one as it
 * reads the first template — starts java.util.logging (its configuration file, its handlers: a few hundredths of a
 * second of a one-file audit's start) for messages nobody sees. A logger here stays a few bytes until it has something
 * to write; in a one-shot command ({@link LibraryLogFactory#installed()}) a message below the level the command's
 * logging writes from ({@link CliLogging#threshold}) costs a comparison, elsewhere ({@code serve}) SLF4J's logger of
 * the same name decides. Found by the platform through {@code META-INF/services/java.lang.System$LoggerFinder}.
 */
public final class LibrarySystemLoggers extends System.LoggerFinder {

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new Lazy(name);
    }

    static final class Lazy implements System.Logger {
        private final String name;
        private volatile org.slf4j.Logger bound;
        private int threshold = -1;   // the command's level as a System.Logger.Level severity, worked out at first use

        Lazy(String name) {
            this.name = name;
        }

        private org.slf4j.Logger slf4j() {
            org.slf4j.Logger b = bound;
            if (b == null) bound = b = org.slf4j.LoggerFactory.getLogger(name);
            return b;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            if (level == Level.OFF) return false;
            if (LibraryLogFactory.installed()) {
                if (threshold < 0) threshold = severity(CliLogging.threshold(name));
                if (level.getSeverity() < threshold) return false;
            }
            org.slf4j.Logger l = slf4j();
            return switch (level) {
                case ALL, TRACE -> l.isTraceEnabled();
                case DEBUG -> l.isDebugEnabled();
                case INFO -> l.isInfoEnabled();
                case WARNING -> l.isWarnEnabled();
                default -> l.isErrorEnabled();
            };
        }

        private static int severity(ch.qos.logback.classic.Level l) {
            if (l.levelInt <= ch.qos.logback.classic.Level.TRACE_INT) return Level.TRACE.getSeverity();
            if (l.levelInt <= ch.qos.logback.classic.Level.DEBUG_INT) return Level.DEBUG.getSeverity();
            if (l.levelInt <= ch.qos.logback.classic.Level.INFO_INT) return Level.INFO.getSeverity();
            if (l.levelInt <= ch.qos.logback.classic.Level.WARN_INT) return Level.WARNING.getSeverity();
            return Level.ERROR.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) write(level, localized(bundle, msg), thrown);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (!isLoggable(level)) return;
            String f = localized(bundle, format);
            write(level, params == null || params.length == 0 || f == null ? f : MessageFormat.format(f, params), null);
        }

        private static String localized(ResourceBundle bundle, String key) {
            if (bundle == null || key == null) return key;
            try {
                return bundle.getString(key);
            } catch (MissingResourceException e) {
                return key;
            }
        }

        private void write(Level level, String msg, Throwable t) {
            org.slf4j.Logger l = slf4j();
            switch (level) {
                case ALL, TRACE -> l.trace(msg, t);
                case DEBUG -> l.debug(msg, t);
                case INFO -> l.info(msg, t);
                case WARNING -> l.warn(msg, t);
                default -> l.error(msg, t);
            }
        }
    }
}
