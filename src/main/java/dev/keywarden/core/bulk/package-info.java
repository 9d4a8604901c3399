/**
 * Bulk changes to keys: a {@link dev.keywarden.core.bulk.BulkPlan} says what would happen, a
 * {@link dev.keywarden.core.bulk.BulkExecutor} carries it out with bounded concurrency, progress per
 * key and cancellation, and reports per key what the server answered (or, when the answer was lost,
 * what a re-read shows). Plain Java; uses {@code core.keys}, {@code api} and {@code model}.
 */
package dev.keywarden.core.bulk;
