package dev.keywarden.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NamesTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("blank", "   ", "must not be blank"),
                arguments("empty", "", "must not be blank"),
                arguments("null", null, "must not be blank"),
                arguments("too long", "n".repeat(256), "must be at most 255 characters"),
                arguments("NUL", "Prod\u0000", "must not contain U+0000 (NULL)"),
                arguments("newline inside", "Prod\nuction", "must not contain U+000A (LINE FEED (LF))"),
                arguments("carriage return inside", "Prod\ruction", "must not contain U+000D (CARRIAGE RETURN (CR))"),
                arguments("BEL", "ding\u0007", "must not contain U+0007 (BEL)"),
                arguments("DEL", "a\u007Fb", "must not contain U+007F (DELETE)"),
                arguments("C1 next line", "a\u0085b", "must not contain U+0085 (NEXT LINE (NEL))"),
                arguments("right-to-left override", "invoice\u202Etxt.exe",
                        "must not contain U+202E (RIGHT-TO-LEFT OVERRIDE)"),
                arguments("left-to-right isolate", "a\u2066b", "must not contain U+2066 (LEFT-TO-RIGHT ISOLATE)"),
                arguments("right-to-left mark", "a\u200Fb", "must not contain U+200F (RIGHT-TO-LEFT MARK)"),
                arguments("zero-width space", "Production\u200B", "must not contain U+200B (ZERO WIDTH SPACE)"),
                arguments("zero-width joiner", "a\u200Db", "must not contain U+200D (ZERO WIDTH JOINER)"),
                arguments("byte order mark", "\uFEFFProduction", "must not contain U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
                arguments("soft hyphen", "Pro\u00ADduction", "must not contain U+00AD (SOFT HYPHEN)"),
                arguments("tag character", "a\uDB40\uDC01", "must not contain U+E0001 (LANGUAGE TAG)"),
                arguments("line separator", "a\u2028b", "must not contain U+2028 (LINE SEPARATOR)"),
                arguments("paragraph separator", "a\u2029b", "must not contain U+2029 (PARAGRAPH SEPARATOR)"),
                arguments("lone high surrogate", "a\uD800b", "must not contain an unpaired surrogate U+D800"),
                arguments("lone low surrogate at the end", "ab\uDC00", "must not contain an unpaired surrogate U+DC00"),
                arguments("reversed pair", "a\uDC00\uD800", "must not contain an unpaired surrogate U+DC00"),
                arguments("no-break space at the end", "Production\u00A0",
                        "must not begin or end with U+00A0 (NO-BREAK SPACE)"),
                arguments("narrow no-break space at the start", "\u202FProduction",
                        "must not begin or end with U+202F (NARROW NO-BREAK SPACE)"),
                arguments("first refused character is named", "a\u202E\u0000", "must not contain U+202E (RIGHT-TO-LEFT OVERRIDE)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String title, String name, String problem) {
        assertThat(Names.problem(name)).isEqualTo(problem);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("plain", "Production"),
                arguments("255 characters", "n".repeat(255)),
                arguments("accents and scripts", "Café – Zürich 東京 Αθήνα"),
                arguments("right-to-left script without controls", "مشروع"),
                arguments("emoji (a surrogate pair)", "Launch \uD83D\uDE80"),
                arguments("no-break space between words", "Acme\u00A0Inc."),
                arguments("fullwidth letters", "Ｐｒｏｄ"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String title, String name) {
        assertThat(Names.problem(name)).isNull();
        assertThat(Names.visible(name)).isEqualTo(name);
    }

    static Stream<Arguments> shown() {
        return Stream.of(
                arguments("bidi override", "invoice\u202Etxt.exe", "invoice\u27E8U+202E\u27E9txt.exe"),
                arguments("zero-width space", "Production\u200B", "Production\u27E8U+200B\u27E9"),
                arguments("NUL and newline", "a\u0000b\nc", "a\u27E8U+0000\u27E9b\u27E8U+000A\u27E9c"),
                arguments("lone surrogate", "a\uD800", "a\u27E8U+D800\u27E9"),
                arguments("tag character", "a\uDB40\uDC01", "a\u27E8U+E0001\u27E9"),
                arguments("no-break space at an end", "\u00A0Prod\u00A0uction\u00A0",
                        "\u27E8U+00A0\u27E9Prod\u00A0uction\u27E8U+00A0\u27E9"),
                arguments("null stays null", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shown")
    void showsHiddenCharactersByCodePoint(String title, String name, String visible) {
        assertThat(Names.visible(name)).isEqualTo(visible);
        if (visible != null) {
            assertThat(visible.codePoints().filter(c -> Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE)).isEmpty();
        }
    }
}
