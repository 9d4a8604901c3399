/**
 * What the console needs below its windows: saved connection profiles and the owner-only credential
 * store, the settings folder and window settings, the connection from the environment, opening and
 * testing a gateway, running blocking calls in the background and things later ({@code Delay}), and
 * {@link dev.keywarden.core.PlainWords}, the one rule for words shown. Sub-packages hold the incident tools that the
 * console and the command line share: {@code core.keys} (every key of the organisation, staleness, the one definition
 * of a key's shape), {@code core.leak}, {@code core.check} (is a key refused?), {@code core.bulk} (the one way to change
 * a key, and bulk plans and runs), {@code core.audit}, {@code core.csv}, {@code core.watch}, and {@code core.pacing} (how many calls are in flight at
 * once). It may use {@code dev.keywarden.api},
 * {@code dev.keywarden.model} and {@code dev.keywarden.common}; it may not use JavaFX, {@code ui}, or
 * {@code sandbox} (the embedded sandbox's start-up belongs to the console's start-up wiring).
 */
package dev.keywarden.core;
