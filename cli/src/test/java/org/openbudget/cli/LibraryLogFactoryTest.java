package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The PDF library's commons-logging in a one-shot command (LibraryLogFactory): idle below the level the command's
 * logging writes, and what it writes exactly what SLF4J's logger of the same name would have.
 */
class LibraryLogFactoryTest {

    @Test
    void each_loggers_threshold_is_the_level_the_commands_logging_writes_from() {
        for (String name : List.of("org.apache.pdfbox.pdmodel.PDDocument", "org.apache.fontbox.ttf.TTFParser", "org.apache.poi.util.XMLHelper",
                "org.openbudget.audit.DocumentAudit", "org.apache.commons.io.IOUtils", "com.example.Other", "org.apache.pdfboxing.Lookalike")) {
            Logger logback = (Logger) LoggerFactory.getLogger(name);
            assertThat(CliLogging.threshold(name)).as(name).isEqualTo(logback.getEffectiveLevel());
        }
    }

    @Test
    void below_its_threshold_a_library_logger_says_nothing_and_at_it_reaches_the_log_file() {
        Log log = new LibraryLogFactory().getInstance("org.apache.pdfbox.pdmodel.font.PDType0Font");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        Logger target = (Logger) LoggerFactory.getLogger("org.apache.pdfbox");
        seen.setContext(target.getLoggerContext());
        seen.start();
        target.addAppender(seen);
        try {
            assertThat(log.isDebugEnabled()).isFalse();
            assertThat(log.isWarnEnabled()).isFalse();
            assertThat(log.isErrorEnabled()).isTrue();
            log.warn("a recoverable font quirk");
            log.info("chatter");
            assertThat(seen.list).isEmpty();
            log.error("a damaged stream", new IllegalStateException("broken"));
            assertThat(seen.list).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo("a damaged stream");
                assertThat(e.getLoggerName()).isEqualTo("org.apache.pdfbox.pdmodel.font.PDType0Font");
                assertThat(e.getThrowableProxy().getMessage()).isEqualTo("broken");
            });
        } finally {
            target.detachAppender(seen);
        }
    }

    @Test
    void other_loggers_keep_the_roots_and_our_own_levels() {
        LibraryLogFactory f = new LibraryLogFactory();
        assertThat(f.getInstance("com.example.Other").isWarnEnabled()).isTrue();
        assertThat(f.getInstance("com.example.Other").isInfoEnabled()).isFalse();
        assertThat(f.getInstance("org.openbudget.audit.DocumentAudit").isInfoEnabled()).isTrue();
        assertThat(f.getInstance(String.class)).isSameAs(f.getInstance("java.lang.String"));
    }

    @Test
    void once_installed_the_libraries_loggers_come_from_it() {
        LibraryLogFactory.install();
        assertThat(LogFactory.getFactory()).isInstanceOf(LibraryLogFactory.class);
        assertThat(LogFactory.getLog("org.apache.pdfbox.Loader")).isInstanceOf(LibraryLogFactory.Lazy.class);
    }

    /** The platform's loggers (SnakeYAML's, the JDK's) go to SLF4J at the same levels, never starting java.util.logging. */
    @Test
    void the_platforms_loggers_go_to_slf4j() {
        System.Logger platform = System.getLogger("com.example.Platform");
        assertThat(platform).isInstanceOf(LibrarySystemLoggers.Lazy.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        Logger target = (Logger) LoggerFactory.getLogger("com.example.Platform");
        seen.setContext(target.getLoggerContext());
        seen.start();
        target.addAppender(seen);
        try {
            assertThat(platform.isLoggable(System.Logger.Level.DEBUG)).isFalse();
            assertThat(platform.isLoggable(System.Logger.Level.WARNING)).isTrue();
            platform.log(System.Logger.Level.INFO, "chatter");
            platform.log(System.Logger.Level.WARNING, "disk {0} is full", "C");
            assertThat(seen.list).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo("disk C is full");
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            });
        } finally {
            target.detachAppender(seen);
        }
        assertThat(System.getLogger("org.apache.pdfbox.X").isLoggable(System.Logger.Level.WARNING)).isFalse();
        assertThat(System.getLogger("org.apache.pdfbox.X").isLoggable(System.Logger.Level.ERROR)).isTrue();
    }
}
