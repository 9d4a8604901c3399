package dev.keywarden.bench;

/**
 * One benchmark: measures figures on the product's own classes (the organisation loader, the bulk executor,
 * the command-line process, the sandbox server), never on a copy of them. It adds its figures to
 * {@link Figures}; timing goals are {@link Goal}s printed beside them, never asserted. At {@link Scale#tinySize()}
 * it runs once at a small size, which the normal suite does to prove it still works. Add a new one to
 * {@link Benchmarks#PLAIN} or {@link Benchmarks#WINDOWED}.
 */
public interface Benchmark {

    /** The first part of every figure's name, e.g. {@code org-load}. */
    String name();

    void run(Scale scale, Figures figures) throws Exception;
}
