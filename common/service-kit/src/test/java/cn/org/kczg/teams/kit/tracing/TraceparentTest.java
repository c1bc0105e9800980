package cn.org.kczg.teams.kit.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

/** The traceparent an outbox row keeps and the relay reads back: W3C, nothing else. */
class TraceparentTest {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aTraceparentReadsBackAsTheRemoteParentItNames() {
        Context parent = Traceparent.parent(TRACEPARENT);
        var span = Span.fromContext(parent).getSpanContext();
        assertTrue(span.isRemote());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", span.getTraceId());
        assertEquals("00f067aa0ba902b7", span.getSpanId());
        assertTrue(span.isSampled());
        assertEquals(TRACEPARENT, Traceparent.of(parent), "written as it was read");
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", Traceparent.traceId(TRACEPARENT));
    }

    @Test
    void noSpanNoTraceparent() {
        assertNull(Traceparent.current(), "outside a span (no OpenTelemetry SDK here) there is none to keep");
        assertNull(Traceparent.of(Context.root()));
        assertFalse(Span.fromContext(Traceparent.parent(null)).getSpanContext().isValid(), "null: a new trace");
        assertFalse(Span.fromContext(Traceparent.parent("00-nonsense")).getSpanContext().isValid());
        assertNull(Traceparent.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"), "an invalid id");
    }
}
