package dev.trajectory.autoconfigure.capture.springai;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.trajectory.autoconfigure.TrajectoriesAutoConfiguration;
import dev.trajectory.autoconfigure.TrajectoryAutoConfiguration;
import dev.trajectory.autoconfigure.capture.OpenAiStub;
import dev.trajectory.autoconfigure.capture.ToolRoundTrip;
import dev.trajectory.autoconfigure.capture.TrajectoryCaptureAutoConfiguration;
import dev.trajectory.autoconfigure.capture.UploadedTraces;
import dev.trajectory.autoconfigure.trace.TrajectoryTracingAutoConfiguration;
import dev.trajectory.trace.TraceAgentRun;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.execution.DefaultToolExecutionExceptionProcessor;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class SpringAiCaptureTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, ObservationAutoConfiguration.class,
                    TrajectoryAutoConfiguration.class, TrajectoriesAutoConfiguration.class,
                    TrajectoryTracingAutoConfiguration.class, TrajectoryCaptureAutoConfiguration.class,
                    SpringAiCaptureAutoConfiguration.class))
            .withPropertyValues("trajectory.api-key=tk_test", "trajectory.base-url=" + server.baseUrl(),
                    "trajectory.spool.enabled=false")
            .withUserConfiguration(SpringAiAgent.class);

    @Test
    void aToolRoundTripIsUploadedAsStepsWithPairedToolMessagesUsageAndMetrics() {
        OpenAiStub.toolRoundTrip(server);
        UploadedTraces.accept(server);
        contextRunner.run(context -> {
            String answer = context.getBean(ShopAgent.class)
                    .ask("Weather in Paris and stock of A-1? I am jane@example.com");

            assertThat(answer).isEqualTo(OpenAiStub.FINAL_ANSWER);
            JsonNode trace = UploadedTraces.awaitOne(server);
            ToolRoundTrip.assertUploaded(trace);
            JsonNode stock = trace.get("trajectory").get("steps").get(1).get("messages").get(4).get("tool_response");
            assertThat(stock.get("metadata").get("error_type").asString())
                    .isEqualTo(IllegalStateException.class.getName());
            assertThat(trace.toString()).doesNotContain("jane@example.com").contains("[EMAIL]");
        });
    }

    @Test
    void aStreamedResponseIsAggregatedIntoOneStepWhenTheStreamCompletes() {
        OpenAiStub.streamedAnswer(server);
        UploadedTraces.accept(server);
        contextRunner.run(context -> {
            String answer = context.getBean(ShopAgent.class).askStreaming("Say hello");

            assertThat(answer).isEqualTo("Hello there");
            JsonNode trajectory = UploadedTraces.awaitOne(server).get("trajectory");
            assertThat(trajectory.get("steps")).hasSize(1);
            JsonNode step = trajectory.get("steps").get(0);
            assertThat(step.get("info").get("streamed").asBoolean()).isTrue();
            JsonNode output = step.get("messages").get(1);
            assertThat(output.get("content").asString()).isEqualTo("Hello there");
            assertThat(output.get("usage").get("output_tokens").asLong()).isEqualTo(2);
            assertThat(output.get("finish_reason").asString()).isEqualTo("stop");
        });
    }

    @Test
    void withoutContentTheUploadKeepsStructureUsageAndFailuresButNoText() {
        OpenAiStub.toolRoundTrip(server);
        UploadedTraces.accept(server);
        contextRunner.withPropertyValues("trajectory.capture.content=false").run(context -> {
            context.getBean(ShopAgent.class).ask("Weather in Paris and stock of A-1?");

            JsonNode trajectory = UploadedTraces.awaitOne(server).get("trajectory");
            ToolRoundTrip.assertUploadedWithoutContent(trajectory);
            assertThat(trajectory.get("steps").get(1).get("messages").get(4).get("tool_response").get("error")
                    .asString()).isEqualTo(IllegalStateException.class.getName());
        });
    }

    @Test
    void aCallOutsideAnyAgentRunRecordsNothing() {
        OpenAiStub.toolRoundTrip(server);
        UploadedTraces.accept(server);
        contextRunner.run(context -> {
            context.getBean(ShopAgent.class).askUntraced("Weather in Paris and stock of A-1?");

            UploadedTraces.assertNoneArrives(server);
        });
    }

    @Test
    void withoutSpringAiOnTheClasspathNothingIsRegistered() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TrajectoryAutoConfiguration.class,
                        TrajectoryCaptureAutoConfiguration.class, SpringAiCaptureAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(ChatModelObservationContext.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(SpringAiCaptureHandler.class));
    }

    @Test
    void aToolExceptionProcessorBeanIsDecoratedAndKeepsItsAnswer() {
        contextRunner.run(context -> {
            ToolExecutionExceptionProcessor processor = context.getBean(ToolExecutionExceptionProcessor.class);

            assertThat(processor).isInstanceOf(ToolFailureRecordingProcessor.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class SpringAiAgent {

        @Bean
        ToolExecutionExceptionProcessor toolExecutionExceptionProcessor() {
            return DefaultToolExecutionExceptionProcessor.builder().build();
        }

        @Bean
        ToolCallingManager toolCallingManager(ObservationRegistry registry,
                ToolExecutionExceptionProcessor processor) {
            return DefaultToolCallingManager.builder()
                    .observationRegistry(registry)
                    .toolExecutionExceptionProcessor(processor)
                    .build();
        }

        @Bean
        OpenAiChatModel chatModel(ObservationRegistry registry, ToolCallingManager toolCallingManager) {
            return OpenAiChatModel.builder()
                    .options(OpenAiChatOptions.builder()
                            .baseUrl(OpenAiStub.baseUrl(server))
                            .apiKey(OpenAiStub.OPENAI_KEY)
                            .model(OpenAiStub.MODEL)
                            .maxRetries(0)
                            .streamUsage(true)
                            .build())
                    .observationRegistry(registry)
                    .toolCallingManager(toolCallingManager)
                    .build();
        }

        @Bean
        ShopAgent shopAgent(OpenAiChatModel chatModel, ObservationRegistry registry,
                ToolCallingManager toolCallingManager) {
            // as Spring AI's auto-configured ChatClient.Builder: tools run by the application's manager
            return new ShopAgent(ChatClient.builder(chatModel, registry, null, null,
                    ToolCallingAdvisor.builder().toolCallingManager(toolCallingManager)).build());
        }
    }

    static class ShopAgent {

        private final ChatClient chat;

        ShopAgent(ChatClient chat) {
            this.chat = chat;
        }

        @TraceAgentRun(name = "shop")
        public String ask(String question) {
            return askUntraced(question);
        }

        public String askUntraced(String question) {
            return chat.prompt().system("You help shoppers.").user(question).tools(new ShopTools()).call()
                    .content();
        }

        @TraceAgentRun(name = "greeting")
        public String askStreaming(String question) {
            List<String> parts = new ArrayList<>(chat.prompt().user(question).stream().content().collectList()
                    .block());
            return String.join("", parts);
        }
    }

    static class ShopTools {

        @Tool(description = "Current weather in a city")
        public String weather(String city) {
            return "sunny in " + city;
        }

        @Tool(description = "Units in stock of a product")
        public int stock(String sku) {
            throw new IllegalStateException("inventory service down");
        }
    }
}
