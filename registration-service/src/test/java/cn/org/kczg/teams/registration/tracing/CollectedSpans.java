package cn.org.kczg.teams.registration.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In tests, every span that ends is also kept here (a span processor, so it does not stand in for an exporter), for a
 * test to look at the tree a flow made.
 */
@Singleton
public class CollectedSpans implements SpanProcessor {
    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    public List<SpanData> ended() {
        return List.copyOf(ended);
    }

    public Optional<SpanData> withId(String spanId) {
        return ended.stream().filter(s -> s.getSpanId().equals(spanId)).findFirst();
    }
}
