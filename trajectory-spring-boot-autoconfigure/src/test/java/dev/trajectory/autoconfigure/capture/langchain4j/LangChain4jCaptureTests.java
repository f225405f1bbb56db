package dev.trajectory.autoconfigure.capture.langchain4j;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.trajectory.autoconfigure.BackendEvents;
import dev.trajectory.autoconfigure.TrajectoriesAutoConfiguration;
import dev.trajectory.autoconfigure.TrajectoryAutoConfiguration;
import dev.trajectory.autoconfigure.capture.OpenAiStub;
import dev.trajectory.autoconfigure.capture.ToolRoundTrip;
import dev.trajectory.autoconfigure.capture.TrajectoryCaptureAutoConfiguration;
import dev.trajectory.autoconfigure.capture.UploadedTraces;
import dev.trajectory.autoconfigure.trace.TrajectoryTracingAutoConfiguration;
import dev.trajectory.trace.TraceAgentRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class LangChain4jCaptureTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TrajectoryAutoConfiguration.class,
                    TrajectoriesAutoConfiguration.class, TrajectoryTracingAutoConfiguration.class,
                    TrajectoryCaptureAutoConfiguration.class, LangChain4jCaptureAutoConfiguration.class))
            .withPropertyValues("trajectory.api-key=tk_test", "trajectory.base-url=" + server.baseUrl(),
                    "trajectory.spool.enabled=false")
            .withUserConfiguration(LangChain4jAgent.class);

    @Test
    void anAiServiceToolRoundTripIsUploadedAsStepsWithPairedToolMessagesUsageAndMetrics() {
        OpenAiStub.toolRoundTrip(server);
        UploadedTraces.accept(server);
        contextRunner.run(context -> {
            String answer = context.getBean(ShopAgent.class)
                    .ask("Weather in Paris and stock of A-1? Call +1 415 555 0100");

            assertThat(answer).isEqualTo(OpenAiStub.FINAL_ANSWER);
            JsonNode trace = UploadedTraces.awaitOne(server);
            ToolRoundTrip.assertUploaded(trace);
            JsonNode firstAnswer = trace.get("trajectory").get("steps").get(0).get("messages").get(2);
            assertThat(firstAnswer.get("tool_definitions")).anySatisfy(definition -> {
                assertThat(definition.get("name").asString()).isEqualTo("weather");
                assertThat(definition.get("parameters").get("properties").has("city")).isTrue();
            });
            assertThat(trace.toString()).doesNotContain("415 555 0100");
        });
    }

    @Test
    void aStreamedResponseIsCapturedWhenTheStreamCompletesOnTheClientsThread() {
        OpenAiStub.streamedAnswer(server);
        UploadedTraces.accept(server);
        contextRunner.run(context -> {
            String answer = context.getBean(ShopAgent.class).askStreaming("Say hello");

            assertThat(answer).isEqualTo("Hello there");
            JsonNode steps = UploadedTraces.awaitOne(server).get("trajectory").get("steps");
            assertThat(steps).hasSize(1);
            JsonNode output = steps.get(0).get("messages").get(1);
            assertThat(output.get("content").asString()).isEqualTo("Hello there");
            assertThat(output.get("usage").get("input_tokens").asLong()).isEqualTo(12);
            assertThat(output.get("finish_reason").asString()).isEqualTo("stop");
        });
    }

    @Test
    void withoutContentTheUploadKeepsStructureAndFailuresButNoText() {
        OpenAiStub.toolRoundTrip(server);
        UploadedTraces.accept(server);
        contextRunner.withPropertyValues("trajectory.capture.content=false").run(context -> {
            context.getBean(ShopAgent.class).ask("Weather in Paris and stock of A-1?");

            ToolRoundTrip.assertUploadedWithoutContent(UploadedTraces.awaitOne(server).get("trajectory"));
        });
    }

    @Test
    void whenTheTraceUploadIsRejectedTheRunsEventsArePushedInstead() {
        OpenAiStub.streamedAnswer(server);
        server.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(403)));
        BackendEvents.accept(server);
        contextRunner.run(context -> {
            context.getBean(ShopAgent.class).askStreaming("Say hello");

            BackendEvents.awaitUntil(server, events -> events.size() >= 3);
            assertThat(BackendEvents.all(server)).extracting(event -> event.get("event_type").asString())
                    .containsExactly("agent.run.start", "llm.call", "agent.run.end");
        });
    }

    @Test
    void withUploadSwitchedOffACapturedRunOnlyPushesItsEvents() {
        OpenAiStub.streamedAnswer(server);
        UploadedTraces.accept(server);
        contextRunner.withPropertyValues("trajectory.capture.upload=false").run(context -> {
            context.getBean(ShopAgent.class).askStreaming("Say hello");

            BackendEvents.awaitFirst(server, "llm.call");
            UploadedTraces.assertNoneArrives(server);
        });
    }

    @Test
    void withoutLangChain4jOnTheClasspathNothingIsRegistered() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TrajectoryAutoConfiguration.class,
                        TrajectoryCaptureAutoConfiguration.class, LangChain4jCaptureAutoConfiguration.class))
                .withPropertyValues("trajectory.spool.enabled=false")
                .withClassLoader(new FilteredClassLoader(ChatModelListener.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(LangChain4jCaptureListener.class)
                        .doesNotHaveBean(LangChain4jToolCapture.class));
    }

    interface Assistant {

        @SystemMessage("You help shoppers.")
        String chat(String question);
    }

    @Configuration(proxyBeanMethods = false)
    static class LangChain4jAgent {

        @Bean
        ShopAgent shopAgent(LangChain4jCaptureListener listener, LangChain4jToolCapture toolCapture) {
            OpenAiChatModel model = OpenAiChatModel.builder()
                    .baseUrl(OpenAiStub.baseUrl(server))
                    .apiKey(OpenAiStub.OPENAI_KEY)
                    .modelName(OpenAiStub.MODEL)
                    .maxRetries(0)
                    .listeners(List.of(listener))
                    .build();
            OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                    .baseUrl(OpenAiStub.baseUrl(server))
                    .apiKey(OpenAiStub.OPENAI_KEY)
                    .modelName(OpenAiStub.MODEL)
                    .listeners(List.of(listener))
                    .build();
            Assistant assistant = AiServices.builder(Assistant.class)
                    .chatModel(model)
                    .tools(new ShopTools())
                    .afterToolExecution(toolCapture)
                    .build();
            return new ShopAgent(assistant, streaming);
        }
    }

    static class ShopAgent {

        private final Assistant assistant;

        private final OpenAiStreamingChatModel streaming;

        ShopAgent(Assistant assistant, OpenAiStreamingChatModel streaming) {
            this.assistant = assistant;
            this.streaming = streaming;
        }

        @TraceAgentRun(name = "shop")
        public String ask(String question) {
            return assistant.chat(question);
        }

        @TraceAgentRun(name = "greeting")
        public String askStreaming(String question) throws Exception {
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            streaming.chat(question, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partialResponse) {
                }

                @Override
                public void onCompleteResponse(ChatResponse completeResponse) {
                    done.complete(completeResponse);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            return done.get(10, TimeUnit.SECONDS).aiMessage().text();
        }
    }

    static class ShopTools {

        @Tool("Current weather in a city")
        public String weather(String city) {
            return "sunny in " + city;
        }

        @Tool("Units in stock of a product")
        public int stock(String sku) {
            throw new IllegalStateException("inventory service down");
        }
    }
}
