/**
 * The audit tab ({@code AuditModel}, {@code AuditPane}, {@code AuditTab}) and the recorder that appends every
 * change made from the console to the audit trail ({@code IncidentAudit}, the console's
 * {@code ui.keys.KeyChangeRecorder}). The other incident tools have packages of their own: {@code ui.allkeys},
 * {@code ui.leak}, {@code ui.bulk}, {@code ui.watch}. Uses {@code ui.keys}, {@code ui.connection},
 * {@code ui.common} and the layers below {@code ui}.
 */
package dev.keywarden.ui.incident;
