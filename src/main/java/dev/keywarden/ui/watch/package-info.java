/**
 * The key watch under the all-keys table: chosen keys read again every few seconds through the task runner,
 * each read fed to the key store, a key used while watched marked. The schedule is {@code core.watch}. Uses
 * {@code ui.store}, {@code ui.connection}, {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.watch;
