/**
 * The organisation's projects: their list and selection (loaded through the organisation loader),
 * the filter, the commands that create, edit and delete projects, their dialogs and the projects pane.
 * Uses {@code ui.connection}, {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.projects;
