/**
 * The headless command line ({@code keywarden keys list}, {@code keywarden check-key}, ...) for runbooks,
 * CI jobs and scheduled audits: picocli commands over the same {@code core} and {@code api} classes as the
 * console, with exit codes a script can act on (see {@link dev.keywarden.cli.ExitCodes}). Plain Java: it may
 * use {@code core}, {@code api}, {@code model} and {@code common}; never JavaFX, {@code ui} or
 * {@code sandbox} (the {@code sandbox} subcommand is wired by {@code Main}). Every command gets its
 * environment, streams and settings folder from a {@link dev.keywarden.cli.CliEnvironment}, so tests run
 * it in-process. An organisation key is never taken as an argument and never printed.
 */
package dev.keywarden.cli;
