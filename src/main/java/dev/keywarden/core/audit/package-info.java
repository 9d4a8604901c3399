/**
 * The audit trail: one JSON line per change made from Keywarden (console or command line), appended
 * under the file's lock to an owner-only file in the settings folder, never holding a raw key, each
 * line chained to the one before it by its SHA-256; read back line by line (a bad line is skipped and
 * counted), sorted by time, with filters and what the chain shows. File access runs on one thread no
 * interrupt reaches. Plain Java; uses {@code core.keys}, {@code core.bulk}, {@code api}, {@code model}
 * and {@code common}.
 */
package dev.keywarden.core.audit;
