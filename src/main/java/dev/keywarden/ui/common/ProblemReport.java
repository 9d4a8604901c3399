package dev.keywarden.ui.common;

/** Where failures of background work are told to the admin. */
@FunctionalInterface
public interface ProblemReport {

    void show(Problem problem);

    /** "Could not load projects: Nothing is answering at …" */
    default void report(String what, Throwable error) {
        show(Problem.of(what, error));
    }

    /** A change that failed: kept on screen until the admin dismisses it. */
    default void reportChange(String what, Throwable error) {
        show(Problem.ofChange(what, error));
    }
}
