/**
 * Changing keys, one or many. {@link dev.keywarden.core.bulk.KeyChangeService} is the one way to change a key
 * (switch it off or on, revoke it; after a lost answer, read it again; after the deadline, settle it), used by
 * the console's switch, the bulk executor and the command line alike; each step returns a
 * {@link dev.keywarden.core.bulk.KeyResult}, from which the words shown and the audit entry are built. A
 * {@link dev.keywarden.core.bulk.BulkPlan} says what a change of many keys would do (the connection's own key
 * last, or left out), a {@link dev.keywarden.core.bulk.BulkExecutor} carries it out with bounded concurrency,
 * progress per key and cancellation. Plain Java; uses {@code core.keys}, {@code api} and {@code model}.
 */
package dev.keywarden.core.bulk;
