package dev.keywarden.core;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.ConnectionConfig;

/** Opens a gateway for a connection; the app uses the HTTP gateway, tests may use a fake. */
@FunctionalInterface
public interface ApiFactory {
    ConfidentApi open(ConnectionConfig config);
}
