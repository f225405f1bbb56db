package dev.trajectory.benchmarks.sdk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessorBuilder;

/**
 * OpenTelemetry's logs SDK: one log record per event, body = event type, one attribute per property plus
 * {@code user.id}; a {@link BatchLogRecordProcessor} with the OTLP/HTTP (protobuf) log exporter. Attribute keys are
 * cached by name, as a careful user would, so the comparison does not charge OpenTelemetry for creating them.
 */
final class OpenTelemetryLogsSdk implements TrackedSdk {

    private static final AttributeKey<String> USER_ID = AttributeKey.stringKey("user.id");

    private final Map<String, AttributeKey<String>> stringKeys = new ConcurrentHashMap<>();

    private final Map<String, AttributeKey<Long>> longKeys = new ConcurrentHashMap<>();

    private final Map<String, AttributeKey<Double>> doubleKeys = new ConcurrentHashMap<>();

    private final Map<String, AttributeKey<Boolean>> booleanKeys = new ConcurrentHashMap<>();

    private final SdkLoggerProvider provider;

    private final Logger logger;

    OpenTelemetryLogsSdk(String baseUrl, int queueCapacity) {
        OtlpHttpLogRecordExporter exporter = OtlpHttpLogRecordExporter.builder()
                .setEndpoint(baseUrl + "/v1/logs")
                .build();
        BatchLogRecordProcessorBuilder processor = BatchLogRecordProcessor.builder(exporter);
        if (queueCapacity != Sdk.DEFAULT_QUEUE) {
            processor.setMaxQueueSize(queueCapacity);
        }
        this.provider = SdkLoggerProvider.builder().addLogRecordProcessor(processor.build()).build();
        this.logger = provider.get("trajectory-benchmarks");
    }

    @Override
    public void track(String userId, String eventType, Map<String, Object> properties) {
        LogRecordBuilder record = logger.logRecordBuilder().setBody(eventType).setAttribute(USER_ID, userId);
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            setAttribute(record, property.getKey(), property.getValue());
        }
        record.emit();
    }

    private void setAttribute(LogRecordBuilder record, String name, Object value) {
        if (value instanceof Long || value instanceof Integer) {
            record.setAttribute(longKeys.computeIfAbsent(name, AttributeKey::longKey), ((Number) value).longValue());
        }
        else if (value instanceof Double number) {
            record.setAttribute(doubleKeys.computeIfAbsent(name, AttributeKey::doubleKey), number);
        }
        else if (value instanceof Boolean bool) {
            record.setAttribute(booleanKeys.computeIfAbsent(name, AttributeKey::booleanKey), bool);
        }
        else {
            record.setAttribute(stringKeys.computeIfAbsent(name, AttributeKey::stringKey), String.valueOf(value));
        }
    }

    @Override
    public void flush() {
        provider.forceFlush();
    }

    @Override
    public void close() {
        provider.shutdown().join(60, TimeUnit.SECONDS);
    }
}
