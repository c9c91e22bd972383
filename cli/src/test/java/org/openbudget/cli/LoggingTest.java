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
}
