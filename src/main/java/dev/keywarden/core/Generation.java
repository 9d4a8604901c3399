package dev.keywarden.core;

/**
 * The one guard for late answers. Each piece of work that may be overtaken takes a {@link Token}
 * when it starts; starting another, or {@link #invalidate()}, makes every earlier token stale, and a
 * stale token's answer is dropped. Confined to one thread (the FX thread in the console).
 */
public final class Generation {
    private long current;

    /** A token for new work; every earlier token is stale from now on. */
    public Token next() {
        return new Token(++current);
    }

    /** A token that stays current until the next {@link #next()} or {@link #invalidate()}. */
    public Token current() {
        return new Token(current);
    }

    /** Makes every token handed out so far stale, e.g. when the user moves on. */
    public void invalidate() {
        current++;
    }

    public final class Token {
        private final long value;

        private Token(long value) {
            this.value = value;
        }

        public boolean isCurrent() {
            return value == current;
        }

        /** Runs the action only while the token is current. */
        public void ifCurrent(Runnable action) {
            if (isCurrent()) {
                action.run();
            }
        }
    }
}
