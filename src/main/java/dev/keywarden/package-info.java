/**
 * The entry point, {@code Main}: runs the sandbox alone ({@code keywarden sandbox …}) or opens the console
 * ({@code ui.app}). Nothing uses this package.
 */
package dev.keywarden;
