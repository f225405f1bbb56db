package dev.trajectory.event;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerbatimTextTest {

    private static final String LETTERS = "the quick brown fox jumps over the lazy dog 0123456789";

    private static final String[] ESCAPED = {"\n", "\t", "\u0001", "\u001f", "\"", "\\"};

    private static final String[] NON_ASCII = {"é", "中", "🚀", "\u0080", "\uffff"};

    private static final String[] LONE_SURROGATES = {"\uD83D", "\uDE80"};

    private static final String[] PLAIN = {"?", "\u007f", " ", "~", "/"};

    @Test
    void anyCharacterThatJsonEscapesOrALoneSurrogateAtAnyPlaceRulesTheCopyOut() {
        for (String[] characters : new String[][] {ESCAPED, LONE_SURROGATES}) {
            forEachPlacement(characters, (text, label) -> {
                assertThat(VerbatimText.utf8Of(text, false)).as(label).isNull();
                assertThat(VerbatimText.utf8Of(text, true)).as(label).isNull();
            });
        }
    }

    @Test
    void plainAsciiIncludingQuestionMarksAndDeleteIsCopiedAsItsBytes() {
        forEachPlacement(PLAIN, (text, label) -> {
            assertThat(VerbatimText.utf8Of(text, false)).as(label).isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
            assertThat(VerbatimText.utf8Of(text, true)).as(label).isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
        });
    }

    @Test
    void nonAsciiTextIsCopiedAsUtf8OnlyWhereTheOutputKeepsIt() {
        forEachPlacement(NON_ASCII, (text, label) -> {
            assertThat(VerbatimText.utf8Of(text, false)).as(label).isNull();
            assertThat(VerbatimText.utf8Of(text, true)).as(label).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void escapesAndLoneSurrogatesAreFoundAmongMultiByteCharacters() {
        String accented = "crème brûlée à la carte, s'il vous plaît? ".repeat(3);
        assertThat(VerbatimText.utf8Of(accented, true)).isEqualTo(accented.getBytes(StandardCharsets.UTF_8));
        for (int at = 0; at <= accented.length(); at++) {
            for (String character : new String[] {"\"", "\\", "\n", "\uD83D", "\uDE80"}) {
                String text = accented.substring(0, at) + character + accented.substring(at);
                assertThat(VerbatimText.utf8Of(text, true)).as("%s at %d", codePoints(character), at).isNull();
            }
        }
    }

    @Test
    void aLoneSurrogateIsFoundEvenWhereRealQuestionMarksAreMany() {
        String questions = "why? how? 中文? ".repeat(4);
        assertThat(VerbatimText.utf8Of(questions, true)).isEqualTo(questions.getBytes(StandardCharsets.UTF_8));
        assertThat(VerbatimText.utf8Of(questions + "\uDE80", true)).isNull();
        assertThat(VerbatimText.utf8Of("\uD83D" + questions, true)).isNull();
    }

    /** Puts each character at each place of texts of 1 to 40 chars, so it lands at every offset of every 8-byte block. */
    private static void forEachPlacement(String[] characters, PlacementCheck check) {
        for (int length = 1; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                for (String character : characters) {
                    String text = LETTERS.substring(0, at) + character + LETTERS.substring(at + 1, length);
                    check.accept(text, String.format("%s at %d of %d", codePoints(character), at, length));
                }
            }
        }
    }

    private interface PlacementCheck {

        void accept(String text, String label);
    }

    private static String codePoints(String character) {
        return character.codePoints().mapToObj(point -> String.format("U+%04X", point))
                .reduce("", String::concat);
    }
}
