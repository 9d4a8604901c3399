package dev.keywarden.api;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one OkHttp call on the client's dispatcher and waits for it on the calling thread, so that
 * interrupting the caller cancels the call ({@link Call#execute()} would ignore the interrupt
 * until a socket timeout).
 */
final class InterruptibleCall {
    private InterruptibleCall() {
    }

    /** Waits as long as the client's own timeouts allow. */
    static RawResponse execute(OkHttpClient client, Request request) throws IOException, InterruptedException {
        try {
            return execute(client, request, null);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no limit was set", e);
        }
    }

    /**
     * @param limit the longest wait for the whole answer, body included, or null for the client's timeouts
     * @throws IOException          no complete answer: refused, timed out, reset, body cut short
     * @throws InterruptedException the caller was interrupted; the call has been cancelled
     * @throws TimeoutException     {@code limit} passed first; the call has been cancelled
     */
    static RawResponse execute(OkHttpClient client, Request request, Duration limit)
            throws IOException, InterruptedException, TimeoutException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Call call = client.newCall(request);
        if (limit != null) {
            long clientLimit = client.callTimeoutMillis() == 0 ? Long.MAX_VALUE : client.callTimeoutMillis();
            // OkHttp's own timer as well, so a call abandoned here cannot outlive the limit by much.
            call.timeout().timeout(Math.min(clientLimit, limit.toMillis() + 1000), TimeUnit.MILLISECONDS);
        }
        CompletableFuture<RawResponse> answer = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call done, Response response) {
                // Read the whole body here, so a body cut short is an IOException like any network failure.
                try (response; ResponseBody body = response.body()) {
                    answer.complete(new RawResponse(response.code(), response.headers(), body.bytes()));
                } catch (IOException | RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }
        });
        try {
            return limit == null ? answer.get() : answer.get(Math.max(1, limit.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException | TimeoutException e) {
            call.cancel();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }
}
