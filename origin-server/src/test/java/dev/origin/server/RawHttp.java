package dev.origin.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, for requests no client library would send: invalid bytes in the
 * request line, a {@code Content-Length} that lies, a body cut short. One request per connection
 * ({@code Connection: close}); after the request the client half-closes its side, so a server waiting for body
 * bytes that never come sees the end of the stream instead of waiting for its idle timeout.
 */
final class RawHttp {
    /**
     * The longest answer read; a longer one is cut and then fails the JSON checks. 64 MiB: the server's full-trace
     * answer to goods that each use the next twice, within its 10,000-line limit, runs to about 20 MB.
     */
    static final int MAX_ANSWER = 64 << 20;

    private RawHttp() {}

    /** An answer: status (0 when none came), headers with lower-case names, body (de-chunked), and how long it took. */
    record Answer(int status, Map<String, String> headers, byte[] body, long millis, String failure) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** A request's bytes: request line, headers ({@code Host} and {@code Connection: close} added), the body as given. */
    static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (body == null ? 0 : body.length));
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        boolean length = false;
        for (var h : headers.entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            length |= h.getKey().equalsIgnoreCase("Content-Length") || h.getKey().equalsIgnoreCase("Transfer-Encoding");
        }
        if (!length && body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("\r\n");
        // the request line may carry raw bytes above 0x7F (ISO-8859-1 keeps each char as one byte)
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) out.writeBytes(body);
        return out.toByteArray();
    }

    /** Sends {@code request} and reads the whole answer, within {@code timeoutMillis}. */
    static Answer send(int port, byte[] request, int timeoutMillis) {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // the server may answer (413) and close before the whole body is written; read what it said
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            long deadline = start + timeoutMillis * 1_000_000L;
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (got.size() < MAX_ANSWER) got.write(buf, 0, n);
                    if (System.nanoTime() > deadline) return new Answer(0, Map.of(), new byte[0], ms(start), "no answer within " + timeoutMillis + " ms");
                }
            } catch (SocketTimeoutException e) {
                return new Answer(0, Map.of(), got.toByteArray(), ms(start), "no answer within " + timeoutMillis + " ms");
            } catch (IOException e) {
                if (got.size() == 0) return new Answer(0, Map.of(), new byte[0], ms(start), "connection reset without an answer");
            }
            return parse(got.toByteArray(), ms(start));
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], ms(start), "cannot connect: " + e.getMessage());
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static Answer parse(byte[] raw, long millis) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) return new Answer(0, Map.of(), raw, millis, raw.length == 0 ? "connection closed without an answer" : "no complete status line and headers");
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (RuntimeException e) {
            return new Answer(0, Map.of(), raw, millis, "not an HTTP status line: " + lines[0]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) headers.merge(lines[i].substring(0, c).strip().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).strip(), (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) body = dechunk(body);
        else if (headers.containsKey("content-length")) {
            try {
                int n = Integer.parseInt(headers.get("content-length"));
                if (n < body.length) body = java.util.Arrays.copyOf(body, n);
            } catch (NumberFormatException e) {
                // keep all
            }
        }
        return new Answer(code, headers, body, millis, null);
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int i = 0;
        while (i < b.length) {
            int eol = indexOf(b, new byte[] {'\r', '\n'}, i);
            if (eol < 0) break;
            String size = new String(b, i, eol - i, StandardCharsets.ISO_8859_1);
            int semi = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (n == 0) break;
            int from = eol + 2;
            out.write(b, from, Math.min(n, b.length - from));
            i = from + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
