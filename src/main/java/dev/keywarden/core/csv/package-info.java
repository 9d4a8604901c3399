/**
 * CSV exports shared by the console and the command line: the keys table (masked values only) and
 * the audit trail, with stable column names, quoted by jackson-dataformat-csv, every cell a spreadsheet
 * would run as a formula neutralised and control characters shown. Plain Java; uses
 * {@code core.keys}, {@code core.audit} and {@code model}.
 */
package dev.keywarden.core.csv;
