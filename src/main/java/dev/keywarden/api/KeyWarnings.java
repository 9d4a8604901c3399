package dev.keywarden.api;

import dev.keywarden.model.Json;
import okhttp3.Headers;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads {@code Sunset} and {@code X-Api-Key-Warning} from every answer the gateway receives: the latest state
 * (cleared by an answer without them) and listeners told of each answer that carries them. The headers are
 * only sent while the organisation key in use is the outgoing value of a rotation.
 */
final class KeyWarnings {
    static final String SUNSET = "Sunset";
    static final String WARNING = "X-Api-Key-Warning";
    static final int MAX_MESSAGE = 300;

    private static final System.Logger LOG = System.getLogger(KeyWarnings.class.getName());
    /** A Confident key in any shape the server could echo: it must not reach a message shown or logged. */
    private static final Pattern KEY_LIKE = Pattern.compile("confident_[A-Za-z0-9_+/=-]*");
    private static final Pattern NOT_PRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");

    private final KeyRedaction redaction;
    private final AtomicReference<KeyWarning> latest = new AtomicReference<>();
    private final List<Consumer<KeyWarning>> listeners = new CopyOnWriteArrayList<>();

    KeyWarnings(OrgKey key) {
        this.redaction = new KeyRedaction(key);
    }

    /** Called with the headers of every answer, failures included. */
    void observe(Headers headers) {
        String sunset = headers.get(SUNSET);
        String message = headers.get(WARNING);
        if (sunset == null && message == null) {
            latest.set(null);
            return;
        }
        Instant when = parseDate(sunset);
        String words = cleaned(message);
        if (when == null && words == null) {
            latest.set(null);
            return;
        }
        KeyWarning warning = new KeyWarning(when, words);
        latest.set(warning);
        for (Consumer<KeyWarning> listener : listeners) {
            try {
                listener.accept(warning);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A key warning listener failed", e);
            }
        }
    }

    Optional<KeyWarning> latest() {
        return Optional.ofNullable(latest.get());
    }

    void addListener(Consumer<KeyWarning> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** An HTTP date ({@code Sat, 01 Nov 2025 13:00:00 GMT}, as RFC 8594 has it) or, leniently, ISO-8601. */
    static Instant parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.strip(), Instant::from);
        } catch (DateTimeParseException notHttpDate) {
            try {
                return Json.parseTime(text.strip());
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    private String cleaned(String message) {
        if (message == null) {
            return null;
        }
        String text = NOT_PRINTABLE.matcher(redaction.text(message)).replaceAll(" ");
        text = KEY_LIKE.matcher(text).replaceAll("[key removed]").replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }
}
