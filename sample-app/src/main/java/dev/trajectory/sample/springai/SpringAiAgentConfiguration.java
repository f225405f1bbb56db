package dev.trajectory.sample.springai;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.execution.DefaultToolExecutionExceptionProcessor;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * An OpenAI chat model and a {@link ChatClient} whose tools run through a tool-calling manager on the application's
 * {@link ObservationRegistry}, as Spring AI's own auto-configuration wires them; Trajectory's capture observes both.
 * Active with the {@code spring-ai} profile and a configured {@code spring.ai.openai.api-key}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("spring-ai")
@ConditionalOnExpression("T(org.springframework.util.StringUtils)"
        + ".hasText(environment.getProperty('spring.ai.openai.api-key'))")
class SpringAiAgentConfiguration {

    @Bean
    ToolExecutionExceptionProcessor toolExecutionExceptionProcessor() {
        return DefaultToolExecutionExceptionProcessor.builder().build();
    }

    @Bean
    ToolCallingManager toolCallingManager(ObservationRegistry registry, ToolExecutionExceptionProcessor processor) {
        return DefaultToolCallingManager.builder()
                .observationRegistry(registry)
                .toolExecutionExceptionProcessor(processor)
                .build();
    }

    @Bean
    OpenAiChatModel openAiChatModel(ObservationRegistry registry, ToolCallingManager toolCallingManager,
            @Value("${spring.ai.openai.api-key}") String apiKey,
            @Value("${spring.ai.openai.base-url:}") String baseUrl,
            @Value("${spring.ai.openai.chat.options.model:gpt-4o-mini}") String model) {
        OpenAiChatOptions.Builder options = OpenAiChatOptions.builder().apiKey(apiKey).model(model).streamUsage(true);
        if (!baseUrl.isBlank()) {
            options.baseUrl(baseUrl);
        }
        return OpenAiChatModel.builder()
                .options(options.build())
                .observationRegistry(registry)
                .toolCallingManager(toolCallingManager)
                .build();
    }

    @Bean
    ChatClient supportChatClient(OpenAiChatModel chatModel, ObservationRegistry registry,
            ToolCallingManager toolCallingManager) {
        return ChatClient.builder(chatModel, registry, null, null,
                ToolCallingAdvisor.builder().toolCallingManager(toolCallingManager))
                .defaultSystem("You are a support agent for an online shop. Use the tools to answer.")
                .build();
    }

    @Bean
    SpringAiSupportAgent springAiSupportAgent(ChatClient supportChatClient) {
        return new SpringAiSupportAgent(supportChatClient);
    }

    @Bean
    SpringAiConversation springAiConversation(SpringAiSupportAgent agent) {
        return new SpringAiConversation(agent);
    }
}
