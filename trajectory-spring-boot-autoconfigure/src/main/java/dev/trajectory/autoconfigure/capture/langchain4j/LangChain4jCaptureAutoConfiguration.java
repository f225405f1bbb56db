package dev.trajectory.autoconfigure.capture.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.service.tool.ToolExecution;
import dev.trajectory.autoconfigure.capture.TrajectoryCaptureAutoConfiguration;
import dev.trajectory.capture.RunCapture;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Captures LangChain4j chat-model calls with a {@link ChatModelListener} bean and, when AI services are on the
 * classpath, tool executions with a hook for {@code AiServices.afterToolExecution}.
 */
@AutoConfiguration(after = TrajectoryCaptureAutoConfiguration.class)
@ConditionalOnClass({ ChatModelListener.class, RunCapture.class })
@ConditionalOnBean(RunCapture.class)
public final class LangChain4jCaptureAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LangChain4jCaptureListener trajectoryLangChain4jCaptureListener(RunCapture capture) {
        return new LangChain4jCaptureListener(capture);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ToolExecution.class)
    static class ToolExecutionConfiguration {

        @Bean
        @ConditionalOnMissingBean
        LangChain4jToolCapture trajectoryLangChain4jToolCapture(RunCapture capture) {
            return new LangChain4jToolCapture(capture);
        }
    }
}
