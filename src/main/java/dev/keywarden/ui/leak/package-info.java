/**
 * The leak finder (Ctrl+L): pasted text is searched for keys here, on this computer, and matched against every
 * key of the organisation; the selected matches go to a bulk plan. A key pasted into a filter opens it
 * ({@code FilterPasteGuard}). The matching itself is {@code core.leak}. Uses {@code ui.allkeys}, {@code ui.bulk},
 * {@code ui.keys}, {@code ui.connection}, {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.leak;
