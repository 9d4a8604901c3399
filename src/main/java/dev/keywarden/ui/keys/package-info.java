/**
 * Keys in the console: the selected project's keys ({@code KeysModel}, {@code KeysPane}, a view of the key
 * store), the one way the console changes a key ({@code KeyCommands}, through {@code core.bulk.KeyChangeService},
 * with the read after a lost answer and {@code KeySettling} after the deadline), what the keys tables' switches,
 * menus and shortcuts do ({@code KeyActions}, with the guard on the connection's own key, {@code ConnectionKey}),
 * the table and switch cell every keys table shares, and the key dialogs (new key, revoke, check a key). Uses
 * {@code ui.projects}, {@code ui.store}, {@code ui.connection}, {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.keys;
