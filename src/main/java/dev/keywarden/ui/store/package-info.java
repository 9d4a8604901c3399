/**
 * The one store of the console's keys ({@link dev.keywarden.ui.store.KeyStore}): every key of the open
 * organisation as one {@link dev.keywarden.ui.store.KeyRow} (the server's last answer and a
 * {@link dev.keywarden.ui.store.RowState}), fed by the organisation load and by every answer about a key,
 * stamped so that a list asked for before a change landed never undoes it. Every keys table and key figure is a
 * view of it. Knows none of its views; uses only the layers below {@code ui}.
 */
package dev.keywarden.ui.store;
