package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;

/**
 * Standard output is the command's result (`audit FILE --json` is read by other tools): logging goes
 * to stderr, and PDFBox's chatter while it scans the system's fonts (one WARN per font) is off.
 */
class LoggingTest {

    @Test
    void logging_goes_to_stderr_only() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<String> targets = new ArrayList<>();
        for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<?> c) targets.add(c.getTarget());
        }
        assertThat(targets).containsOnly("System.err").isNotEmpty();
    }

    @Test
    void pdf_and_office_libraries_speak_only_on_error() {
        for (String name : List.of("org.apache.fontbox.ttf.PostScriptTable", "org.apache.pdfbox.pdmodel.font.FileSystemFontProvider", "org.apache.poi.util.XMLHelper")) {
            org.slf4j.Logger l = LoggerFactory.getLogger(name);
            assertThat(l.isWarnEnabled()).as(name).isFalse();
            assertThat(l.isErrorEnabled()).as(name).isTrue();
        }
    }

    /** What PDFBox and POI say about a damaged file (ERROR, with its stack) goes to the log file, never to the terminal (issue 16). */
    @Test
    void pdf_and_office_library_errors_go_to_the_log_file_not_the_terminal() {
        for (String name : List.of("org.apache.pdfbox", "org.apache.fontbox", "org.apache.poi")) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            assertThat(l.isAdditive()).as(name + " does not reach the root's console").isFalse();
            List<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> appenders = new ArrayList<>();
            l.iteratorForAppenders().forEachRemaining(appenders::add);
            assertThat(appenders).as(name).isNotEmpty().allSatisfy(a -> assertThat(a).isInstanceOf(ch.qos.logback.core.FileAppender.class));
        }
    }
}
