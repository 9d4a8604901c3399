/**
 * What the console needs below its windows: saved connection profiles and the owner-only credential
 * store, the settings folder and window settings, the connection from the environment, opening and
 * testing a gateway, and running blocking calls in the background. It may use {@code dev.keywarden.api},
 * {@code dev.keywarden.model} and {@code dev.keywarden.common}; it may not use JavaFX, {@code ui}, or
 * {@code sandbox} (the embedded sandbox's start-up belongs to the console's start-up wiring).
 */
package dev.keywarden.core;
