package dev.trajectory.autoconfigure.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

class ExcludedPathsTests {

    private static final List<String> PATTERNS = List.of("/actuator/**", "/internal/*", "/exact/path",
            "/{tenant}/admin/**", "/files/*.txt", "/health?", "static/**");

    private static final List<String> PATHS = List.of("/", "", "/actuator", "/actuator/", "/actuator/health",
            "/actuatorx", "/actuators/health", "/Actuator/health", "/%61ctuator/health", "/actuator;v=1/health",
            "/internal", "/internal/x", "/internal/x/y", "/exact/path", "/exact/path/", "/exact", "/t1/admin",
            "/t1/admin/users", "/t1/orders", "/files/a.txt", "/files/a.json", "/health1", "/health", "/static/x",
            "static/x", "/orders/42", "//actuator/health");

    @Test
    void answersAsThePatternsDoForEveryPath() {
        ExcludedPaths excluded = new ExcludedPaths(PATTERNS);
        for (String path : PATHS) {
            PathContainer parsed = PathContainer.parsePath(path);
            boolean expected = PATTERNS.stream()
                    .anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(parsed));
            assertThat(excluded.matches(path)).as(path).isEqualTo(expected);
            assertThat(excluded.matches(parsed)).as(path).isEqualTo(expected);
        }
    }

    @Test
    void theDefaultPatternExcludesTheActuatorOnly() {
        ExcludedPaths excluded = new ExcludedPaths(List.of("/actuator/**"));
        assertThat(excluded.matches("/actuator")).isTrue();
        assertThat(excluded.matches("/actuator/health/liveness")).isTrue();
        assertThat(excluded.matches("/%61ctuator/health")).isTrue();
        assertThat(excluded.matches("/orders/42")).isFalse();
        assertThat(excluded.matches("/actuatorx")).isFalse();
    }

    @Test
    void withoutPatternsNothingIsExcluded() {
        ExcludedPaths excluded = new ExcludedPaths(List.of());
        assertThat(excluded.matches("/actuator/health")).isFalse();
        assertThat(excluded.matches(PathContainer.parsePath("/"))).isFalse();
    }
}
