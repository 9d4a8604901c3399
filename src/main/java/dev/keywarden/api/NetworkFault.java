package dev.keywarden.api;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;

/** What kind of network failure an exception from the HTTP library stands for. */
public enum NetworkFault {
    /** Nothing listening, or a firewall said no: nothing was sent. */
    REFUSED(false),
    /** The host name does not resolve: nothing was sent. */
    UNKNOWN_HOST(false),
    /** The server's certificate is not valid for the host, or not trusted: nothing was sent. */
    CERTIFICATE(false),
    /** The secure connection could not be set up: nothing was sent. */
    TLS(false),
    /** No answer in time. */
    TIMED_OUT(true),
    /** The connection was closed or reset before the whole answer arrived. */
    CUT_OFF(true),
    /** Anything else. */
    OTHER(true);

    private final boolean mayHaveSent;

    NetworkFault(boolean mayHaveSent) {
        this.mayHaveSent = mayHaveSent;
    }

    /** When nothing better is known: whether a failure of this kind can come after the request went out. */
    boolean mayHaveSent() {
        return mayHaveSent;
    }

    static NetworkFault of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return UNKNOWN_HOST;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return REFUSED;
            }
            if (t instanceof SSLPeerUnverifiedException || t instanceof CertificateException) {
                return CERTIFICATE;
            }
            if (t instanceof SSLHandshakeException) {
                return t.getCause() instanceof CertificateException ? CERTIFICATE : TLS;
            }
            if (t instanceof InterruptedIOException) {
                return TIMED_OUT; // SocketTimeoutException, and OkHttp's own call timeout
            }
            if (t instanceof EOFException || t instanceof SocketException) {
                return CUT_OFF;
            }
            if (t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("unexpected end of stream") || t.getMessage().contains("stream was reset"))) {
                return CUT_OFF;
            }
        }
        return OTHER;
    }
}
