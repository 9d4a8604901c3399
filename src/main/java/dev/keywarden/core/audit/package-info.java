/**
 * The audit trail: one JSON line per change made from Keywarden (console or command line), appended
 * to an owner-only file in the settings folder, never holding a raw key; read back with filters.
 * Plain Java; uses {@code core.keys}, {@code core.bulk}, {@code api}, {@code model} and {@code common}.
 */
package dev.keywarden.core.audit;
