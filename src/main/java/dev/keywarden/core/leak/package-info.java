/**
 * The leak finder: candidate keys extracted locally from any pasted text, each reduced to its last 6
 * characters, matched against the masked values of every key of the organisation. Nothing here sends,
 * logs or keeps the pasted text. Plain Java; uses {@code core.keys} and {@code model}.
 */
package dev.keywarden.core.leak;
