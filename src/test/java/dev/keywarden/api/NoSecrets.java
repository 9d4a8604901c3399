package dev.keywarden.api;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static dev.keywarden.api.TestApis.ORG_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Catches the gateway's failure and checks that nothing printable about it holds the org key. */
final class NoSecrets {
    private NoSecrets() {
    }

    static <T extends ApiException> T failure(Class<T> type, ThrowingCallable call) {
        T failure = catchThrowableOfType(type, call);
        assertThat(failure).as("expected " + type.getSimpleName()).isNotNull();
        assertKeyAbsent(failure);
        return failure;
    }

    static void assertKeyAbsent(ApiException failure) {
        assertThat(failure.summary()).doesNotContain(ORG_KEY);
        assertThat(failure.detail()).doesNotContain(ORG_KEY);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(ORG_KEY);
            assertThat(t.toString()).doesNotContain(ORG_KEY);
            for (Throwable suppressed : t.getSuppressed()) {
                assertThat(suppressed.toString()).doesNotContain(ORG_KEY);
            }
        }
    }
}
