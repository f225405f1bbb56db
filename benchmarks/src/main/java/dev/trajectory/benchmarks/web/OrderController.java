package dev.trajectory.benchmarks.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The endpoint the load generator calls: a small JSON answer and no other work, so the filter's cost shows. */
@RestController
class OrderController {

    @GetMapping("/orders/{id}")
    Map<String, Object> order(@PathVariable String id) {
        return Map.of("id", id, "status", "shipped");
    }
}
