/**
 * Plain-Java helpers that every other package may use and that use nothing of Keywarden's: named
 * daemon threads and the owner-only atomic file writer. No JavaFX, no HTTP, no domain types.
 */
package dev.keywarden.common;
