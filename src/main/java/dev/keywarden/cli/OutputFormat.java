package dev.keywarden.cli;

/** {@code --format}: {@code table} for a person at a terminal, {@code csv} and {@code json} for scripts. */
enum OutputFormat { table, csv, json }
