package cn.org.kczg.teams.testkit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** For tests: a minimal Server-Sent Events reader: collects frames ({@code id}, {@code event}, {@code data}) and comments. */
public final class SseClient implements AutoCloseable {
    public record Frame(String id, String event, String data) {
    }

    public final List<Frame> frames = new CopyOnWriteArrayList<>();
    public final List<String> comments = new CopyOnWriteArrayList<>();
    public final int status;
    private final Thread reader;
    private final HttpResponse<java.io.InputStream> response;

    public SseClient(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String event = null;
                List<String> data = new ArrayList<>();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            frames.add(new Frame(id, event, String.join("\n", data)));
                        }
                        id = null;
                        event = null;
                        data.clear();
                    } else if (line.startsWith(":")) {
                        comments.add(line.substring(1).strip());
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() throws Exception {
        response.body().close();
        reader.interrupt();
    }
}
