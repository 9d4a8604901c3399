/**
 * How many calls the console and the command line have in flight at once: the configured parallelism
 * ({@link dev.keywarden.core.pacing.Parallelism}, 16 by default, at most 64) is a cap, and an
 * {@link dev.keywarden.core.pacing.AdaptiveLimit} keeps the calls actually in flight at or below it, backing
 * off when the server rate-limits or slows down. {@link dev.keywarden.core.pacing.PacedApi} puts a gateway
 * behind such a limit; the organisation loader and the bulk changes use it.
 */
package dev.keywarden.core.pacing;
