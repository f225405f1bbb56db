package dev.trajectory.autoconfigure.web.reactive;

import java.time.Duration;

import dev.trajectory.autoconfigure.web.RequestEventsContract;
import dev.trajectory.trace.TraceAgentRun;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "trajectory.api-key=tk_test", "spring.main.web-application-type=reactive" })
class ReactiveRequestEventsTests extends RequestEventsContract {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Agent agent() {
            return new Agent();
        }

        @Bean
        Endpoints endpoints(Agent agent) {
            return new Endpoints(agent);
        }
    }

    static class Agent {

        @TraceAgentRun
        public Mono<String> run() {
            return Mono.just("answered");
        }
    }

    @RestController
    static class Endpoints {

        private final Agent agent;

        Endpoints(Agent agent) {
            this.agent = agent;
        }

        @GetMapping("/orders/{id}")
        Mono<String> order(@PathVariable String id) {
            return Mono.just("order " + id);
        }

        @GetMapping("/async/{id}")
        Mono<String> later(@PathVariable String id) {
            return Mono.just("later " + id).delayElement(Duration.ofMillis(20));
        }

        @GetMapping("/boom")
        Mono<String> boom() {
            return Mono.error(new IllegalStateException("handler failed"));
        }

        @GetMapping("/actuator/ping")
        Mono<String> ping() {
            return Mono.just("pong");
        }

        @GetMapping("/agent")
        Mono<String> agent() {
            return agent.run();
        }
    }
}
