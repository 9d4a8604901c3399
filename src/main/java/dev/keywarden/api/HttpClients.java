package dev.keywarden.api;

import dev.keywarden.common.DaemonThreads;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Builds the OkHttp clients the gateway uses, and takes them down again. */
final class HttpClients {
    /** Enough that parallel calls from the UI are never queued behind each other (OkHttp's default is 5 per host). */
    static final int MAX_PARALLEL_CALLS = 64;

    private HttpClients() {
    }

    static OkHttpClient create(Duration connectTimeout, Duration callTimeout) {
        return create(connectTimeout, callTimeout, false);
    }

    /**
     * @param plainHttpOnly for a plain {@code http://} base URL (loopback only, {@link BaseUrls}): the client
     *                      then has no TLS at all, which spares building the platform's TLS context and trust
     *                      store (about a third of a command's start-up); it cannot reach an https URL
     */
    static OkHttpClient create(Duration connectTimeout, Duration callTimeout, boolean plainHttpOnly) {
        Dispatcher dispatcher = new Dispatcher(daemonExecutor());
        dispatcher.setMaxRequests(MAX_PARALLEL_CALLS);
        dispatcher.setMaxRequestsPerHost(MAX_PARALLEL_CALLS);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (plainHttpOnly) {
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        return builder
                .dispatcher(dispatcher)
                // OkHttp's default of 5 idle connections: a GET reuses an idle connection unchecked, so after a
                // server restart every kept connection costs a failed attempt ("cut off"); 64 kept used up
                // all three attempts of a call (FaultDrillTest), and a load keeps its connections busy anyway.
                .connectionPool(new ConnectionPool())
                .connectTimeout(connectTimeout)
                .readTimeout(callTimeout)
                .writeTimeout(callTimeout)
                .callTimeout(callTimeout)
                // OkHttp would otherwise silently resend some requests, POST included; retries are ours to decide.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .eventListenerFactory(SendTracker.FACTORY)
                .build();
    }

    static void shutDown(OkHttpClient client) {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /**
     * Like OkHttp's own executor, but daemon threads so an open gateway never keeps the app alive, and at normal
     * priority whoever enqueues: a load's low-priority thread often starts the next one, which the admin's calls reuse.
     */
    private static ExecutorService daemonExecutor() {
        return DaemonThreads.normalPriorityPool(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DaemonThreads("keywarden-http")));
    }
}
