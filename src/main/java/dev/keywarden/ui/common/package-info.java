/**
 * What every console feature shares: the FX task runner and timer, changes in flight, the dialog service,
 * form and secret dialogs, table cells, times and key names as shown, problems in plain words, refusals,
 * notices and Undo, CSV export. Uses JavaFX and the layers below {@code ui}, never a feature package.
 */
package dev.keywarden.ui.common;
