package org.openbudget.audit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.io.InputException;

/**
 * The text reader on damaged documents: lines of 第三部分 dropped, repeated, cut or garbled. It gives
 * a result (with notes where it could not read) or a clear InputException — never another exception —
 * and the checks run on whatever it read.
 */
class TextReaderRobustnessTest {
    private static final String GARBAGE = "0123456789.,，。：:；;（）()%万元增加减少增长下降占主要原因是\t ";

    @Test
    void damagedTextsNeverCrashTheReaderOrTheChecks() throws IOException {
        String doc = TextFactReaderTest.raw("urumqi-sme-center-2024");
        List<String> lines = Arrays.asList(doc.split("\n", -1));
        int part3 = doc.substring(0, doc.lastIndexOf("第三部分")).split("\n", -1).length;
        Random random = new Random(20241123);
        int read = 0;
        for (int i = 0; i < 60; i++) {
            List<String> l = new ArrayList<>(lines);
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int at = part3 + random.nextInt(l.size() - part3);
                switch (random.nextInt(5)) {
                    case 0 -> l.remove(at);
                    case 1 -> l.add(at, l.get(at));
                    case 2 -> l.set(at, l.get(at).substring(0, random.nextInt(l.get(at).length() + 1)));
                    case 3 -> {
                        StringBuilder b = new StringBuilder(l.get(at));
                        for (int k = 0; k < 1 + random.nextInt(8); k++) {
                            b.insert(random.nextInt(b.length() + 1), GARBAGE.charAt(random.nextInt(GARBAGE.length())));
                        }
                        l.set(at, b.toString());
                    }
                    default -> l.subList(at, Math.min(l.size(), at + 1 + random.nextInt(40))).clear();
                }
            }
            String text = String.join("\n", l);
            try {
                PublishedTextReader.Result r = PublishedTextReader.readWithNotes("damaged-" + i + ".txt", text, PublishedTextReaderTest.LIB);
                Disclosure d = r.disclosure();
                assertThat(d.tables()).isNotEmpty();
                // what the text reader could not read is a note in words, not an exception it caught
                assertThat(r.notes()).as("damaged-%d", i).noneMatch(n -> n.contains("Exception"));
                CheckCatalogue.run(d, PublishedTextReaderTest.LIB.profile(d.profileId()), PublishedTextReaderTest.LIB.year(d.year()));
                read++;
            } catch (InputException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(read).isGreaterThan(40);
    }
}
