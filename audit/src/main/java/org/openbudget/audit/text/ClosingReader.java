package org.openbudget.audit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.openbudget.core.disclosure.text.DocumentText;

/**
 * Reads what follows 第三部分: 第四部分's glossary entries (numbered as the profile's {@code glossary_number}
 * numbers them) and the closing — the unit's name and the date, written as the profile's {@code date_format}
 * writes it ({@link TextMarks}).
 */
final class ClosingReader {
    private final TextMarks marks;

    ClosingReader(TextMarks marks) {
        this.marks = marks;
    }

    /** {name, date, index of the first closing line in tail} from the last two lines: the unit's name and a date. */
    String[] closing(List<String> tail) {
        List<Integer> nonEmpty = new ArrayList<>();
        for (int i = 0; i < tail.size(); i++) if (!tail.get(i).isBlank() && !TextFactReader.PAGE_NUMBER.matcher(tail.get(i).trim()).matches()) nonEmpty.add(i);
        if (nonEmpty.size() >= 2) {
            String date = tail.get(nonEmpty.get(nonEmpty.size() - 1)).trim();
            String name = tail.get(nonEmpty.get(nonEmpty.size() - 2)).trim();
            if (marks.date.matcher(date).matches() && !name.endsWith("。")) {
                return new String[]{name, date, String.valueOf(nonEmpty.get(nonEmpty.size() - 2))};
            }
        }
        return new String[]{"", "", String.valueOf(tail.size())};
    }

    /** 第四部分 名词解释: "一、财政拨款:指由……" entries, wrapped lines joined. */
    List<DocumentText.GlossaryEntry> glossary(List<String> tail, int stop) {
        List<DocumentText.GlossaryEntry> out = new ArrayList<>();
        StringBuilder cur = null;
        List<String> entries = new ArrayList<>();
        for (int i = 1; i < stop; i++) {
            String l = tail.get(i).replace("**", "").replace('\t', ' ').trim();
            if (l.isEmpty() || TextFactReader.PAGE_NUMBER.matcher(l).matches()) continue;
            if (marks.glossary.matcher(TextFactReader.half(l)).find()) {
                if (cur != null) entries.add(cur.toString());
                cur = new StringBuilder(l);
            } else if (cur != null) {
                cur.append(l);
            }
        }
        if (cur != null) entries.add(cur.toString());
        for (String e : entries) {
            Matcher gm = marks.glossary.matcher(TextFactReader.half(e));
            String body = gm.find() ? e.substring(gm.end()) : e;
            int colon = -1;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == ':' || c == '：') {
                    colon = i;
                    break;
                }
            }
            if (colon < 0) continue;
            out.add(new DocumentText.GlossaryEntry(body.substring(0, colon).trim(), body.substring(colon + 1).trim()));
        }
        return out;
    }
}
