/**
 * The v2 key lifecycle as the console and the command line use it: {@link dev.keywarden.core.rotate.KeyRotations}
 * is the one way to rotate a key (and to read it again when the answer is lost), returning a
 * {@link dev.keywarden.core.rotate.RotationResult} from which the words shown and the audit entry are built;
 * {@link dev.keywarden.core.rotate.RotationPlan} says beforehand what a rotation will do to the services using
 * the old value; {@link dev.keywarden.core.rotate.LifecycleText} is how an expiry and a rotation in flight read
 * ("in 12 d", "rotating: old value stops in 5 h"); {@link dev.keywarden.core.rotate.LifecycleDurations} reads
 * "24h", "7d", "90d". Plain Java; uses {@code core.keys}, {@code core.audit}, {@code api} and {@code model}.
 */
package dev.keywarden.core.rotate;
