/**
 * Bulk changes in the console: the plan (its keys read again first), the typed confirmations (revoking, the
 * connection's own key), the run with each key's result as it arrives, Cancel, Retry failed and Undo. Plans and
 * runs are {@code core.bulk}; every result goes to the key store. Uses {@code ui.keys}, {@code ui.store},
 * {@code ui.connection}, {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.bulk;
