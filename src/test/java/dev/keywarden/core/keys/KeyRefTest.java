package dev.keywarden.core.keys;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRefTest {
    private static final String RAW = "confident_us_proj_0123456789abcdef0123456789abcdef";

    @Test
    void writesAndReadsBothForms() {
        assertThat(KeyRef.project("clx1abc", 42)).hasToString("clx1abc:42");
        assertThat(KeyRef.organisation(7)).hasToString("org:7");
        assertThat(KeyRef.parse(" clx1abc:42 ")).isEqualTo(KeyRef.project("clx1abc", 42));
        assertThat(KeyRef.parse("org:7")).isEqualTo(KeyRef.organisation(7));
        assertThat(KeyRef.parse("ORG:7").isOrganisationKey()).isTrue();
        assertThat(KeyRef.parse(KeyRef.project("a:b", 3).toString())).isEqualTo(KeyRef.project("a:b", 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "42", ":42", "p1:", "p1:x", "p1:-3", "p 1:3", "p1:4.2", "p1:99999999999999999999", RAW})
    void refusesWhatIsNotAReferenceWithoutRepeatingIt(String text) {
        assertThatThrownBy(() -> KeyRef.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a key reference")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("0123456789abcdef"));
    }

    @Test
    void sortsOrganisationKeysFirstThenByProjectAndId() {
        List<KeyRef> refs = new ArrayList<>(List.of(KeyRef.project("b", 1), KeyRef.project("a", 9), KeyRef.organisation(5),
                KeyRef.project("a", 2)));
        refs.sort(null);
        assertThat(refs).extracting(KeyRef::toString).containsExactly("org:5", "a:2", "a:9", "b:1");
    }

    @Test
    void anEntryKeepsOnlyTheMaskedValueAndKnowsItsReference() {
        ApiKey raw = new ApiKey(3, "ci", true, RAW, Instant.EPOCH, null);
        Project project = new Project("p1", "Docs", null, "org", Instant.EPOCH, null);
        KeyEntry entry = KeyEntry.ofProject(project, raw);
        assertThat(entry.key().value()).isEqualTo("***************abcdef");
        assertThat(entry.suffix()).isEqualTo("abcdef");
        assertThat(entry.ref()).isEqualTo(KeyRef.project("p1", 3));
        assertThat(entry.ownerLabel()).isEqualTo("Docs");
        assertThat(entry.toString()).doesNotContain("0123456789");

        KeyEntry admin = KeyEntry.ofOrganisation(raw);
        assertThat(admin.ref()).hasToString("org:3");
        assertThat(admin.ownerLabel()).isEqualTo("Organisation");
        assertThatThrownBy(() -> new KeyEntry(KeyKind.ORGANISATION, "p1", "Docs", raw)).isInstanceOf(IllegalArgumentException.class);
    }
}
