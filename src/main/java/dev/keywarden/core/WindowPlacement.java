package dev.keywarden.core;

/** Where the main window was and how big, to restore it on the next start. */
public record WindowPlacement(double x, double y, double width, double height, boolean maximised) {
}
