/**
 * What every console feature shares: the FX task runner, the dialog service, form and secret dialogs,
 * table cells, times and key names as shown, problems in plain words, notices. Uses JavaFX and the
 * layers below {@code ui}, never a feature package.
 */
package dev.keywarden.ui.common;
