/**
 * "Is this key refused?": one verdict, shared by {@code check-key} and the console's <em>Check a key</em>.
 * {@link dev.keywarden.core.check.KeyCheck} chooses the probe from the key's kind, reads the answers and
 * says {@link dev.keywarden.core.check.KeyVerdict.Verdict#REFUSED REFUSED},
 * {@link dev.keywarden.core.check.KeyVerdict.Verdict#ACCEPTED ACCEPTED} or
 * {@link dev.keywarden.core.check.KeyVerdict.Verdict#INCONCLUSIVE INCONCLUSIVE}, never a guess. Plain Java;
 * uses {@code core.keys} and {@code api}.
 */
package dev.keywarden.core.check;
