package cn.org.kczg.teams.platform.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Spans stay in the process until an OTLP endpoint is configured. Quarkus (3.33) exports by default to
 * {@code http://localhost:4317/}, so without a collector every instance would try to connect and log its failures;
 * while this exporter is visible Quarkus installs no OTLP exporter of its own (an application {@code SpanExporter}
 * bean replaces it). Setting {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code ..._TRACES_ENDPOINT}) to
 * anything but that default hides this bean, and Quarkus exports there. Trace ids, their propagation over HTTP and
 * Kafka and the ids in the log lines do not depend on export.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = NoSpanExport.QUARKUS_DEFAULT,
        lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = NoSpanExport.QUARKUS_DEFAULT,
        lookupIfMissing = true)
public class NoSpanExport implements SpanExporter {
    /** Quarkus's default endpoint: configured to it (or not at all), nothing is exported. */
    static final String QUARKUS_DEFAULT = "http://localhost:4317/";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
