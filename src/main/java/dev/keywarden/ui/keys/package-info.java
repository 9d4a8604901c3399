/**
 * The selected project's keys: their rows, the activate/deactivate switch, the commands that toggle,
 * create and revoke keys, their dialogs (new key, revoke, check a key) and the keys pane. Uses
 * {@code ui.projects}, {@code ui.connection}, {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.keys;
