package dev.keywarden.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A damaged data file is reported by place (line, column, field path), never by quoting what is there. */
class DataFileMessagesTest {

    @TempDir
    Path dir;

    private Path file;
    private String text;
    /** A raw key value from the file, which a message must never show. */
    private String raw;

    @BeforeEach
    void saveAnOrganisation() throws Exception {
        file = dir.resolve("sandbox.json");
        SandboxServer.start(SandboxOptions.defaults().withSeed(8L).withDataFile(file)).close();
        Files.delete(Journal.pathFor(file));
        text = Files.readString(file);
        Matcher key = SandboxClient.RAW_KEY.matcher(text);
        assertThat(key.find()).isTrue();
        raw = key.group();
    }

    @Test
    void aRawKeyOutsideItsQuotesIsReportedByLineAndColumnOnly() throws Exception {
        String damaged = text.replace("\"" + raw + "\"", raw);
        int line = lineOf(damaged, raw);
        assertRefused(damaged, "is not valid JSON, line " + line + ", column ");
    }

    @Test
    void aRawKeyWhereATimeBelongsIsReportedByPathLineAndColumn() throws Exception {
        String damaged = text.replaceFirst("\"created_at\" : \"[^\"]*\"(?=,\\s*\"lastUsed\")", "\"created_at\" : \"" + raw + "\"");
        assertThat(damaged).isNotEqualTo(text);
        assertRefused(damaged, "is not valid sandbox data: a value is not in the expected format (at projects[0].apiKeys[0].created_at), line ");
    }

    @Test
    void aRawKeyInAFieldNameIsNotQuotedEither() throws Exception {
        String damaged = text.replaceFirst("\"nextKeyId\" : ", "\"" + raw + "\" : ");
        assertRefused(damaged.replaceFirst(java.util.regex.Pattern.quote("\"" + raw + "\" : ") + "\\d+",
                java.util.regex.Matcher.quoteReplacement("\"" + raw + "\" : ]")), "is not valid JSON, line ");
    }

    @Test
    void aRawKeyAsATwiceUsedProjectNameIsReportedByPath() throws Exception {
        String damaged = text.replaceAll("(\"project\" : \\{\\s*\"id\" : \"[^\"]*\",\\s*\"name\" : )\"[^\"]*\"", "$1" + java.util.regex.Matcher.quoteReplacement("\"" + raw + "\""));
        assertRefused(damaged, "the project name at projects[1] appears twice (also at projects[0])");
    }

    private void assertRefused(String damaged, String problem) throws Exception {
        Files.writeString(file, damaged);
        assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults().withDataFile(file)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(problem)
                .hasMessageNotContaining(raw)
                .hasMessageNotContaining(raw.substring(raw.length() - 8))
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(raw));
        assertThat(Files.readString(file)).isEqualTo(damaged);
    }

    private static int lineOf(String text, String wanted) {
        return (int) text.substring(0, text.indexOf(wanted)).chars().filter(c -> c == '\n').count() + 1;
    }
}
