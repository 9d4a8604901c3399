package dev.keywarden.api;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs one OkHttp call on the client's dispatcher and waits for it on the calling thread, so that
 * interrupting the caller cancels the call ({@link Call#execute()} would ignore the interrupt
 * until a socket timeout).
 */
final class InterruptibleCall {
    private InterruptibleCall() {
    }

    /**
     * @throws IOException          no complete answer: refused, timed out, reset, body cut short
     * @throws InterruptedException the caller was interrupted; the call has been cancelled
     */
    static RawResponse execute(OkHttpClient client, Request request) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Call call = client.newCall(request);
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
            return answer.get();
        } catch (InterruptedException e) {
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
