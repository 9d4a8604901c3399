/**
 * The gateway to Confident AI's management API: {@link dev.keywarden.api.ConfidentApi}, one blocking
 * method per endpoint, over OkHttp and Jackson ({@link dev.keywarden.api.HttpConfidentApi}); the
 * connection settings and base-URL rules; the organisation key that never prints itself; one overall
 * deadline per call, retries, and the typed {@link dev.keywarden.api.ApiException} failures with their
 * plain-words summaries; the v2 key lifecycle ({@link dev.keywarden.api.KeyLifecycleApi}: expiry, rotation) behind
 * one capability probe per connection, and the {@code Sunset} / {@code X-Api-Key-Warning} headers
 * ({@link dev.keywarden.api.KeyWarning}). It may use {@code dev.keywarden.model} and {@code dev.keywarden.common}
 * only: never {@code core}, {@code ui}, {@code sandbox} or JavaFX.
 */
package dev.keywarden.api;
