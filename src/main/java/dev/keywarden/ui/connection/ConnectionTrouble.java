package dev.keywarden.ui.connection;

import dev.keywarden.api.NetworkException;
import dev.keywarden.api.ProtocolException;
import dev.keywarden.api.ServerException;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.api.UnavailableException;
import dev.keywarden.ui.common.Problems;

/** Which failures say the connection itself is in trouble, rather than one request being refused. */
final class ConnectionTrouble {
    private ConnectionTrouble() {
    }

    static boolean isTrouble(Throwable error) {
        Throwable cause = Problems.cause(error);
        return cause instanceof NetworkException || cause instanceof UnauthorizedException
                || cause instanceof ServerException || cause instanceof UnavailableException
                || cause instanceof ProtocolException;
    }
}
