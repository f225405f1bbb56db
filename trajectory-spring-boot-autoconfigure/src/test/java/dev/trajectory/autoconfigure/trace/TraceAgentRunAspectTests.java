package dev.trajectory.autoconfigure.trace;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.trajectory.autoconfigure.BackendEvents;
import dev.trajectory.autoconfigure.TrajectoryAutoConfiguration;
import dev.trajectory.testing.MutableClock;
import dev.trajectory.trace.TraceAgentRun;
import dev.trajectory.trace.TraceContext;
import dev.trajectory.trace.TraceFactory;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.aspectj.weaver.Advice;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceAgentRunAspectTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
                    TrajectoryAutoConfiguration.class, TrajectoryTracingAutoConfiguration.class))
            .withPropertyValues("trajectory.api-key=tk_test", "trajectory.base-url=" + server.baseUrl());

    private final ApplicationContextRunner agentsRunner = contextRunner.withUserConfiguration(Agents.class,
            ClockedTraces.class);

    @Test
    void nestedRunsShareOneTrace() {
        BackendEvents.accept(server);
        agentsRunner.run(context -> {
            String innerTraceId = context.getBean(SupportAgent.class).answer(new Question("s-1", "u-1"));

            BackendEvents.awaitUntil(server, received -> inTrace(received, innerTraceId).size() >= 5);
            List<JsonNode> events = inTrace(BackendEvents.all(server), innerTraceId);
            assertThat(events).extracting(event -> event.get("event_type").asString()).containsExactlyInAnyOrder(
                    "agent.run.start", "tool.call", "agent.run.start", "agent.run.end", "agent.run.end");
            assertThat(events).filteredOn(event -> event.path("properties").path("nested").asBoolean(false))
                    .extracting(event -> event.get("properties").get("run_name").asString())
                    .containsOnly("KnowledgeBase.lookup");
        });
    }

    @Test
    void sessionAndUserComeFromTheSpelExpressionsOverTheArguments() {
        BackendEvents.accept(server);
        agentsRunner.run(context -> {
            context.getBean(SupportAgent.class).answer(new Question("session-7", "user-42"));

            BackendEvents.awaitUntil(server,
                    received -> received.stream().anyMatch(TraceAgentRunAspectTests::outerStart));
            JsonNode start = BackendEvents.all(server).stream().filter(TraceAgentRunAspectTests::outerStart)
                    .findFirst().orElseThrow();
            assertThat(start.get("session_id").asString()).isEqualTo("session-7");
            assertThat(start.get("user_id").asString()).isEqualTo("user-42");
            assertThat(start.get("properties").get("run_name").asString()).isEqualTo("SupportAgent.answer");
        });
    }

    @Test
    void theExceptionIsRethrownUnchangedAndRecordedAsAnErrorEvent() {
        BackendEvents.accept(server);
        agentsRunner.run(context -> {
            SupportAgent agent = context.getBean(SupportAgent.class);

            assertThatThrownBy(agent::fail).isSameAs(agent.lastFailure());

            JsonNode error = BackendEvents.awaitFirst(server, "agent.run.error");
            assertThat(error.get("properties").get("error_type").asString()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.get("properties").get("error_message").asString()).isEqualTo("tool timed out");
            assertThat(error.get("properties").get("stack_trace").asString()).contains("SupportAgent.fail");
            assertThat(BackendEvents.awaitFirst(server, "agent.run.end").get("properties").get("outcome").asString())
                    .isEqualTo("error");
        });
    }

    @Test
    void aMonoRunEndsWhenTheMonoCompletesNotWhenTheMethodReturns() {
        BackendEvents.accept(server);
        agentsRunner.run(context -> {
            MutableClock clock = context.getBean(MutableClock.class);
            Sinks.One<String> reply = Sinks.one();

            Mono<String> answer = context.getBean(SupportAgent.class).answerLater(reply.asMono());

            StepVerifier.create(answer)
                    .then(() -> clock.advance(Duration.ofSeconds(3)))
                    .then(() -> reply.tryEmitValue("done"))
                    .expectNext("done")
                    .verifyComplete();
            JsonNode end = BackendEvents.awaitFirst(server, "agent.run.end");
            assertThat(end.get("properties").get("outcome").asString()).isEqualTo("success");
            assertThat(end.get("properties").get("duration_ms").asLong()).isEqualTo(3000);
        });
    }

    @Test
    void aFluxRunEndsAsCancelledWhenTheSubscriberCancels() {
        BackendEvents.accept(server);
        agentsRunner.run(context -> {
            StepVerifier.create(context.getBean(SupportAgent.class).stream()).expectNext("first").thenCancel().verify();

            JsonNode end = BackendEvents.awaitFirst(server, "agent.run.end");
            assertThat(end.get("properties").get("outcome").asString()).isEqualTo("cancelled");
        });
    }

    @Test
    void aMonoErrorEndsTheRunWithAnErrorEventAndReachesTheSubscriberUnchanged() {
        BackendEvents.accept(server);
        agentsRunner.run(context -> {
            IllegalArgumentException failure = new IllegalArgumentException("bad prompt");

            StepVerifier.create(context.getBean(SupportAgent.class).answerLater(Mono.error(failure)))
                    .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
                    .verify();

            assertThat(BackendEvents.awaitFirst(server, "agent.run.error").get("properties").get("error_type")
                    .asString()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(BackendEvents.awaitFirst(server, "agent.run.end").get("properties").get("outcome").asString())
                    .isEqualTo("error");
        });
    }

    @Test
    void aCompletableFutureRunEndsWhenTheFutureCompletes() {
        BackendEvents.accept(server);
        agentsRunner.run(context -> {
            MutableClock clock = context.getBean(MutableClock.class);
            CompletableFuture<String> pending = new CompletableFuture<>();

            CompletableFuture<String> returned = context.getBean(SupportAgent.class).answerAsync(pending);
            clock.advance(Duration.ofMillis(1500));
            assertThat(BackendEvents.all(server)).isEmpty();
            pending.completeExceptionally(new IllegalStateException("model unavailable"));

            assertThat(returned).isSameAs(pending);
            JsonNode end = BackendEvents.awaitFirst(server, "agent.run.end");
            assertThat(end.get("properties").get("outcome").asString()).isEqualTo("error");
            assertThat(end.get("properties").get("duration_ms").asLong()).isEqualTo(1500);
            assertThat(BackendEvents.awaitFirst(server, "agent.run.error").get("properties").get("error_message")
                    .asString()).isEqualTo("model unavailable");
        });
    }

    @Test
    void theRunIsSeenOnAnAsyncMethodsThreadAndOnASpringExecutor() {
        BackendEvents.accept(server);
        agentsRunner.run(context -> {
            List<String> seen = context.getBean(SupportAgent.class).traceIdsSeenElsewhere();

            assertThat(seen).hasSize(3).doesNotContain("none");
            assertThat(seen.get(1)).isEqualTo(seen.get(0));
            assertThat(seen.get(2)).isEqualTo(seen.get(0));
        });
    }

    @Test
    void theRunIsSeenInsideAReactorChainOnAnotherThread() {
        BackendEvents.accept(server);
        agentsRunner.run(context -> {
            StepVerifier.create(context.getBean(SupportAgent.class).reactiveSteps())
                    .expectNextMatches(thread -> thread.startsWith("parallel"))
                    .verifyComplete();

            JsonNode start = BackendEvents.awaitFirst(server, "agent.run.start");
            JsonNode step = BackendEvents.awaitFirst(server, "reactor.step");
            assertThat(step.get("trace_id").asString()).isEqualTo(start.get("trace_id").asString());
            BackendEvents.awaitFirst(server, "agent.run.end");
        });
    }

    @Test
    void eventsCarryTheW3cTraceIdWhenMicrometerTracingIsPresent() {
        BackendEvents.accept(server);
        contextRunner.withUserConfiguration(Agents.class).withBean(SimpleTracer.class, SimpleTracer::new)
                .run(context -> {
            Tracer tracer = context.getBean(Tracer.class);
            Span span = tracer.nextSpan().name("http").start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                context.getBean(SupportAgent.class).answer(new Question("s", "u"));
            }
            finally {
                span.end();
            }

            JsonNode start = BackendEvents.awaitFirst(server, "agent.run.start");
            assertThat(start.get("metadata").get(TraceContext.DISTRIBUTED_TRACE_ID).asString())
                    .isEqualTo(span.context().traceId());
        });
    }

    @Test
    void switchedOffTheAspectIsAbsentAndRunsRecordNothing() {
        agentsRunner.withPropertyValues("trajectory.tracing.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(TraceAgentRunAspect.class);
            context.getBean(SupportAgent.class).answer(new Question("s", "u"));
            assertThat(BackendEvents.all(server)).isEmpty();
        });
    }

    @Test
    void withoutAspectjThereIsNoAspectButTracesCanStillBeStarted() {
        contextRunner.withClassLoader(new FilteredClassLoader(Advice.class)).run(context -> {
            assertThat(context).doesNotHaveBean(TraceAgentRunAspect.class);
            assertThat(context).hasSingleBean(TraceFactory.class);
        });
    }

    @Test
    void backsOffToTheApplicationsOwnTraceFactory() {
        agentsRunner.run(context -> assertThat(context.getBean(TraceFactory.class))
                .isSameAs(context.getBean("testTraceFactory")));
    }

    private static boolean outerStart(JsonNode event) {
        return event.get("event_type").asString().equals("agent.run.start")
                && !event.path("properties").path("nested").asBoolean(false);
    }

    private static List<JsonNode> inTrace(List<JsonNode> events, String traceId) {
        return events.stream().filter(event -> event.get("trace_id").asString().equals(traceId)).toList();
    }

    record Question(String sessionId, String userId) {
    }

    @Configuration(proxyBeanMethods = false)
    static class ClockedTraces {

        @Bean
        MutableClock clock() {
            return new MutableClock();
        }

        @Bean
        TraceFactory testTraceFactory(MutableClock clock) {
            return new TraceFactory("test", 100, () -> null, clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    static class Agents {

        @Bean
        KnowledgeBase knowledgeBase() {
            return new KnowledgeBase();
        }

        @Bean
        Worker worker() {
            return new Worker();
        }

        @Bean
        SupportAgent supportAgent(KnowledgeBase knowledgeBase, Worker worker,
                @Qualifier("applicationTaskExecutor") Executor executor) {
            return new SupportAgent(knowledgeBase, worker, executor);
        }
    }

    static class SupportAgent {

        private volatile @Nullable IllegalStateException lastFailure;

        private final KnowledgeBase knowledgeBase;

        private final Worker worker;

        private final Executor executor;

        SupportAgent(KnowledgeBase knowledgeBase, Worker worker, Executor executor) {
            this.knowledgeBase = knowledgeBase;
            this.worker = worker;
            this.executor = executor;
        }

        /** Returns the trace id the nested run saw. */
        @TraceAgentRun(sessionId = "#question.sessionId", userId = "#p0.userId()")
        public String answer(Question question) {
            TraceContext.current().ifPresent(trace -> trace.event("tool.call", Map.of("tool", "search")));
            return knowledgeBase.lookup();
        }

        @TraceAgentRun
        public String fail() {
            IllegalStateException failure = new IllegalStateException("tool timed out");
            lastFailure = failure;
            throw failure;
        }

        public @Nullable IllegalStateException lastFailure() {
            return lastFailure;
        }

        @TraceAgentRun
        public Mono<String> answerLater(Mono<String> reply) {
            return reply;
        }

        @TraceAgentRun
        public Flux<String> stream() {
            return Flux.concat(Flux.just("first"), Flux.never());
        }

        @TraceAgentRun
        public CompletableFuture<String> answerAsync(CompletableFuture<String> pending) {
            return pending;
        }

        @TraceAgentRun
        public List<String> traceIdsSeenElsewhere() {
            String here = Worker.currentTraceId();
            String async = worker.traceIdOnWorkerThread().join();
            String executed = CompletableFuture.supplyAsync(Worker::currentTraceId, executor).join();
            return List.of(here, async, executed);
        }

        @TraceAgentRun
        public Mono<String> reactiveSteps() {
            return Mono.just("step").publishOn(Schedulers.parallel()).map(step -> {
                TraceContext.current().ifPresent(trace -> trace.event("reactor.step", Map.of()));
                return Thread.currentThread().getName();
            });
        }
    }

    static class KnowledgeBase {

        @TraceAgentRun
        public String lookup() {
            return Worker.currentTraceId();
        }
    }

    static class Worker {

        @Async
        public CompletableFuture<String> traceIdOnWorkerThread() {
            return CompletableFuture.completedFuture(currentTraceId());
        }

        static String currentTraceId() {
            return TraceContext.current().map(TraceContext::traceId).orElse("none");
        }
    }
}
