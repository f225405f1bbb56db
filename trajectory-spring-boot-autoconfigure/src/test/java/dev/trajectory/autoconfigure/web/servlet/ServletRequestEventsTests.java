package dev.trajectory.autoconfigure.web.servlet;

import java.util.concurrent.CompletableFuture;

import dev.trajectory.autoconfigure.web.RequestEventsContract;
import dev.trajectory.trace.TraceAgentRun;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;


@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "trajectory.api-key=tk_test", "spring.main.web-application-type=servlet" })
class ServletRequestEventsTests extends RequestEventsContract {

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
        public String run() {
            return "answered";
        }
    }

    @RestController
    static class Endpoints {

        private final Agent agent;

        Endpoints(Agent agent) {
            this.agent = agent;
        }

        @GetMapping("/orders/{id}")
        String order(@PathVariable String id) {
            return "order " + id;
        }

        @GetMapping("/async/{id}")
        CompletableFuture<String> later(@PathVariable String id) {
            return CompletableFuture.supplyAsync(() -> "later " + id);
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("handler failed");
        }

        @GetMapping("/actuator/ping")
        String ping() {
            return "pong";
        }

        @GetMapping("/agent")
        String agent() {
            return agent.run();
        }
    }
}
