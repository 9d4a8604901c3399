/**
 * The live watch: when to read each watched key again (every few seconds, longer after errors) and what each
 * read means (its last use changed, how long it has been quiet). Plain Java holding no thread: the console
 * runs the reads through its task runner. Uses {@code core.keys}, {@code api}, {@code model} and {@code common}.
 */
package dev.keywarden.core.watch;
