package dev.keywarden.ui.common;

/** Where failures of background work are told to the admin, in plain words. */
@FunctionalInterface
public interface ProblemReport {

    void show(String message);

    /** "Could not load projects: Nothing is answering at …" */
    default void report(String what, Throwable error) {
        show(what + ": " + Problems.inPlainWords(error));
    }
}
