/**
 * The records the management API sends and receives (organisation, project, API key and the
 * bodies of changes, a key's lifetime and rotation), with their wire names, and the one Jackson setup ({@link dev.keywarden.model.Json})
 * that the gateway and the sandbox share so both agree on the wire format. Plain data: it may use
 * nothing but {@code dev.keywarden.common} and Jackson's annotations and mapper; every other package
 * may use it.
 */
package dev.keywarden.model;
