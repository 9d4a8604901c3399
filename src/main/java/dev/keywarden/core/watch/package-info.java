/**
 * The live watch: selected keys re-read every few seconds, reporting when their last use changes and
 * how long they have been quiet. Plain Java on daemon threads; uses {@code core.keys}, {@code api},
 * {@code model} and {@code common}.
 */
package dev.keywarden.core.watch;
