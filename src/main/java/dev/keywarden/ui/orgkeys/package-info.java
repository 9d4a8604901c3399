/**
 * The organisation keys tab: the admin keys, a view of the key store, with the one this connection uses marked
 * and its switch guarded. Uses {@code ui.keys}, {@code ui.projects} (the filter), {@code ui.store},
 * {@code ui.connection}, {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.orgkeys;
