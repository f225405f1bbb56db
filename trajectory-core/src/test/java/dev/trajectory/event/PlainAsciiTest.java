package dev.trajectory.event;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainAsciiTest {

    private static final String LETTERS = "the quick brown fox jumps over the lazy dog 0123456789";

    @Test
    void anyCharacterThatJsonEscapesOrThatIsNotAsciiAtAnyPlaceRulesTheCopyOut() {
        String[] unsafe = {"\n", "\t", "\u0001", "\u001f", "\"", "\\", "é", "中", "🚀", "\uD83D", "\uDE80"};
        for (int length = 1; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                for (String character : unsafe) {
                    String text = LETTERS.substring(0, at) + character + LETTERS.substring(at + 1, length);
                    assertThat(PlainAscii.bytesOf(text)).as("%s at %d of %d", escape(character), at, length)
                            .isNull();
                }
            }
        }
    }

    @Test
    void plainAsciiIncludingQuestionMarksAndDeleteIsCopiedAsItsBytes() {
        for (int length = 0; length <= 40; length++) {
            for (String character : new String[] {"?", "\u007f", " ", "~", "/"}) {
                for (int at = 0; at < length; at++) {
                    String text = LETTERS.substring(0, at) + character + LETTERS.substring(at + 1, length);
                    assertThat(PlainAscii.bytesOf(text)).as("%s at %d of %d", escape(character), at, length)
                            .isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
    }

    private static String escape(String character) {
        return character.codePoints().mapToObj(point -> String.format("U+%04X", point))
                .reduce("", String::concat);
    }
}
