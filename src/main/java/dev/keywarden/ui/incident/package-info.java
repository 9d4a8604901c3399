/**
 * Incident response in the console: every key of the organisation in one table (loaded with the
 * {@code core.OrganisationLoader}, filtered by status and staleness, exported to CSV). The logic it
 * shows (staleness, CSV, leak matching, bulk plans, audit) lives in {@code core}; this package only
 * holds the models and views around it. Uses {@code ui.keys}, {@code ui.projects},
 * {@code ui.connection}, {@code ui.common} and everything below {@code ui}.
 */
package dev.keywarden.ui.incident;
