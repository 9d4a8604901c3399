package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One raw TCP connection to the sandbox, for requests no well-behaved client would send. */
final class RawHttp implements AutoCloseable {

    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            return SandboxClient.json(body);
        }

        String contentType() {
            return headers.get("content-type");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(SandboxServer server) throws IOException {
        this(server, 0);
    }

    /** {@code receiveBuffer} above 0 shrinks this side's buffer, so a server that writes much soon blocks. */
    RawHttp(SandboxServer server, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(15_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Sends one byte; false once the server has closed the connection. */
    boolean trickle(char c) {
        try {
            out.write(c);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void finishSending() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one answer; its body by Content-Length. */
    Answer answer() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("closed before an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        String header;
        while ((header = line()) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Reads until the server closes or resets the connection; how many bytes came. */
    long bytesUntilClosed() throws IOException {
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                count += n;
            }
        } catch (SocketException reset) {
            // closed under us: what came is what counts
        }
        return count;
    }

    /** True when the server closes (or resets) the connection within {@code within}, reading past any answer. */
    boolean closedByServerWithin(Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        try {
            while (in.read() != -1) {
                // skip anything still sent
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
