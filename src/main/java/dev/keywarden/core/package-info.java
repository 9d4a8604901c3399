/**
 * What the console needs below its windows: saved connection profiles and the owner-only credential
 * store, the settings folder and window settings, the connection from the environment, opening and
 * testing a gateway, and running blocking calls in the background. Sub-packages hold the incident tools
 * that the console and the command line share: {@code core.keys} (every key of the organisation,
 * staleness, key patterns), {@code core.leak}, {@code core.bulk}, {@code core.audit}, and {@code core.pacing} (how many calls are in flight at once). It may use {@code dev.keywarden.api},
 * {@code dev.keywarden.model} and {@code dev.keywarden.common}; it may not use JavaFX, {@code ui}, or
 * {@code sandbox} (the embedded sandbox's start-up belongs to the console's start-up wiring).
 */
package dev.keywarden.core;
