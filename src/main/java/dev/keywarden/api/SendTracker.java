package dev.keywarden.api;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Notes whether one attempt began to send its request. Until then nothing can have reached the
 * server (a refused connection, an unknown host, a failed TLS handshake), so a change certainly was
 * not made; from then on a lost answer leaves the outcome unknown.
 */
final class SendTracker extends EventListener {
    private volatile boolean started;

    /** Installed on every gateway client: finds the tracker an attempt carries as its request's tag. */
    static final EventListener.Factory FACTORY = call -> {
        SendTracker tracker = call.request().tag(SendTracker.class);
        return tracker == null ? EventListener.NONE : tracker;
    };

    @Override
    public void requestHeadersStart(Call call) {
        started = true;
    }

    boolean requestMayHaveBeenSent() {
        return started;
    }
}
