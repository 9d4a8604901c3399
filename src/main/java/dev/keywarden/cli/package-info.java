/**
 * The headless command line ({@code keys list}, {@code leak-find}, {@code keys deactivate | activate | revoke},
 * {@code audit}, {@code check-key}) for runbooks, CI jobs and scheduled audits: picocli commands over the same
 * {@code core} classes as the console (the loader, the leak finder, bulk plans and their executor, the audit
 * trail, the CSV exports), with exit codes a script can act on (see {@link dev.keywarden.cli.ExitCodes}). Plain Java: it may
 * use {@code core}, {@code api}, {@code model} and {@code common}; never JavaFX, {@code ui} or
 * {@code sandbox} (the {@code sandbox} subcommand is wired by {@code Main}). Every command gets its
 * environment, streams and settings folder from a {@link dev.keywarden.cli.CliEnvironment}, so tests run
 * it in-process. An organisation key is never taken as an argument and never printed.
 */
package dev.keywarden.cli;
