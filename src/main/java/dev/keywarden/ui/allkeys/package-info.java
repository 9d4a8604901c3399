/**
 * The all-keys tab: every key of the organisation in one table (the whole key store), filtered by text,
 * status and staleness with counts, exported to CSV, with the load's progress and the projects whose keys
 * failed; its bulk buttons open plans ({@code ui.bulk}) and it holds the watch ({@code ui.watch}). Uses
 * {@code ui.watch}, {@code ui.bulk}, {@code ui.keys}, {@code ui.projects}, {@code ui.store}, {@code ui.connection},
 * {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.allkeys;
