/**
 * The open connection (its session, state and organisation), the header that always says which
 * organisation is being acted on, the demo banner, and the dialog that adds or edits a saved
 * connection. Uses {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.connection;
