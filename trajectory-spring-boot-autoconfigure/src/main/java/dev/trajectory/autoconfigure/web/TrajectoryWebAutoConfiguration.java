package dev.trajectory.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;

import dev.trajectory.autoconfigure.TrajectoryProperties;
import dev.trajectory.autoconfigure.trace.TrajectoryTracingAutoConfiguration;
import dev.trajectory.autoconfigure.web.reactive.RequestEventWebFilter;
import dev.trajectory.autoconfigure.web.servlet.RequestEventFilter;
import dev.trajectory.client.TelemetryClient;
import dev.trajectory.trace.TraceFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@code http.request} event per web request: a servlet filter or a WebFlux filter, whichever stack runs. */
@AutoConfiguration(after = TrajectoryTracingAutoConfiguration.class)
@ConditionalOnClass(TelemetryClient.class)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "trajectory.web.enabled", matchIfMissing = true)
public final class TrajectoryWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RequestEvents trajectoryRequestEvents(TrajectoryProperties properties, TelemetryClient client,
            ObjectProvider<TraceFactory> traces) {
        TrajectoryProperties.Web web = properties.getWeb();
        return new RequestEvents(traces.getIfAvailable(() -> TraceFactory.defaults(properties.getSource())), client,
                excludedPaths(properties), web.getSamplingRatio(), web.getSessionHeader());
    }

    /** The configured excluded paths, and the local console's path when it is served: looking records nothing. */
    private static List<String> excludedPaths(TrajectoryProperties properties) {
        List<String> excluded = new ArrayList<>(properties.getWeb().getExcludedPaths());
        TrajectoryProperties.Console console = properties.getConsole();
        if (console.isServed(properties.isLocalMode())) {
            excluded.add(console.getPath() + "/**");
        }
        return excluded;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = { "jakarta.servlet.Filter", "org.springframework.web.servlet.HandlerMapping" })
    static class ServletConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RequestEventFilter trajectoryRequestEventFilter(RequestEvents events) {
            return new RequestEventFilter(events);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
    static class ReactiveConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RequestEventWebFilter trajectoryRequestEventWebFilter(RequestEvents events) {
            return new RequestEventWebFilter(events);
        }
    }
}
