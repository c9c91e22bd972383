package org.openbudget.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openbudget.core.profile.TextTemplate;

/** The compiled outline reads {change_word} and {rate_word} as the profile's words (text.change_words, rate_words), never Java's. */
class DirectionWordsTest {
    private static TextTemplate words(List<String> change, List<String> rate, List<String> zero) {
        return new TextTemplate(Map.of(), Map.of(), null, "%", "", "", "", zero, "", List.of(), null, change, rate, null);
    }

    private static boolean reads(TextTemplate t, String name, String printed) {
        return Pattern.compile(OutlinePatterns.Candidate.placeholder(name, "", 0, t)).matcher(printed).matches();
    }

    @Test
    void aProfilesOwnWordsAndItsWordOfNoChange() {
        TextTemplate own = words(List.of("上升", "回落"), List.of("增幅", "降幅"), List.of("持平", "持平"));
        assertThat(List.of("上升", "回落", "持平")).allMatch(w -> reads(own, "change_word", w));
        assertThat(List.of("增幅", "降幅", "持平")).allMatch(w -> reads(own, "rate_word", w));
        assertThat(List.of("增加", "减少")).noneMatch(w -> reads(own, "change_word", w));
        assertThat(List.of("增长", "下降")).noneMatch(w -> reads(own, "rate_word", w));
    }

    @Test
    void theDefaultsWithoutWordsOfTheProfile() {
        TextTemplate none = words(null, null, List.of());
        assertThat(List.of("增加", "减少")).allMatch(w -> reads(none, "change_word", w));
        assertThat(List.of("增长", "下降")).allMatch(w -> reads(none, "rate_word", w));
        assertThat(reads(null, "change_word", "减少")).isTrue();
        assertThat(reads(none, "change_word", "上升")).isFalse();
    }
}
