package cn.org.kczg.teams.activity.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A partner's webhook endpoint in the test JVM: a real HTTP server on 127.0.0.1 that keeps what it is sent. */
final class Receiver implements AutoCloseable {
    /** One request as it arrived. */
    record Received(Map<String, String> headers, String body, long receivedAtMillis) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final Map<String, List<Received>> byPath = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers at this path, in order; then {@link #answerAlways} (200 unless set). */
    void answer(String path, Integer... statuses) {
        answers.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    void answerAlways(String path, int status) {
        always.put(path, status);
    }

    List<Received> at(String path) {
        List<Received> got = byPath.getOrDefault(path, List.of());
        synchronized (got) {
            return List.copyOf(got);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        headers.put(":method", exchange.getRequestMethod());
        List<Received> got = byPath.computeIfAbsent(path, p -> new ArrayList<>());
        synchronized (got) {
            got.add(new Received(headers, new String(body, StandardCharsets.UTF_8), System.currentTimeMillis()));
        }
        Deque<Integer> next = answers.get(path);
        Integer status = next == null ? null : next.pollFirst();
        if (status == null) {
            status = always.getOrDefault(path, 200);
        }
        if (status == 204) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
