/**
 * The Audit tab: the audit trail read back off the FX thread, newest first, filtered by time, action
 * and outcome, with what its hash chain shows (intact, or where it breaks) and the lines that could not
 * be read. The trail itself (writing, reading, checking the chain) is {@code core.audit}; the console's
 * recorder of changes stays with the features that make them. Uses {@code ui.common} and the layers
 * below {@code ui}.
 */
package dev.keywarden.ui.audit;
