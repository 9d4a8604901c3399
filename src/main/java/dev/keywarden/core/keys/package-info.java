/**
 * Keys of an organisation as the incident tools see them, project keys and organisation keys alike:
 * {@link dev.keywarden.core.keys.KeyRef} names one ({@code PROJECT_ID:KEY_ID} or {@code org:KEY_ID}),
 * {@link dev.keywarden.core.keys.KeyEntry} is one loaded key with its project, {@link dev.keywarden.core.keys.Staleness}
 * classifies last use, {@link dev.keywarden.core.keys.KeyPatterns} is the one definition of what a Confident key
 * looks like (found, masked and classified by {@link dev.keywarden.core.keys.KeyScope} in any text).
 * Plain Java; uses only {@code model}.
 */
package dev.keywarden.core.keys;
