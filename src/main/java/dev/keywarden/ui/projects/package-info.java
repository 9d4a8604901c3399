/**
 * The organisation's projects: their list and selection, and the one load of the organisation (through the
 * organisation loader: projects to this package, every key to the key store, how far it got to
 * {@code LoadProgress}); the filter, the commands that create, edit and delete projects, their dialogs and the
 * projects pane. Uses {@code ui.store}, {@code ui.connection}, {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.projects;
