package dev.keywarden.e2e;

/** Heap in use after asking for a full collection: rough, but steady enough to compare before and after. */
final class HeapUsage {

    private HeapUsage() {
    }

    static long bytesAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
