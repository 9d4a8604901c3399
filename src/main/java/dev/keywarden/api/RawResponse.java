package dev.keywarden.api;

import okhttp3.Headers;

/** A complete HTTP answer, body already read, so nothing is left open when it is handed on. */
record RawResponse(int status, Headers headers, byte[] body) {
    boolean isSuccessful() {
        return status >= 200 && status < 300;
    }
}
