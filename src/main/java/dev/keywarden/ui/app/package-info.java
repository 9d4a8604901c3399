/**
 * Start-up and composition: the JavaFX application, the window that wires every feature together,
 * the main view's layout and shortcuts, closing the window once changes under way have finished
 * ({@code Quitting}), the connection controller, window-state keeping, and the embedded demo sandbox (the only
 * package that may use {@code dev.keywarden.sandbox}). May use every other {@code ui} package and everything
 * below {@code ui}; nothing uses it but {@code Main}.
 */
package dev.keywarden.ui.app;
