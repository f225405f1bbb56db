package dev.trajectory.langsmith;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LangSmithSettingsTests {

    @Test
    void theApiKeyFallsBackToLangSmithThenLangChainVariables() {
        Map<String, String> both = Map.of("LANGSMITH_API_KEY", "ls-key", "LANGCHAIN_API_KEY", "lc-key");

        assertThat(LangSmithSettings.builder().environment(both).build().apiKey().reveal()).isEqualTo("ls-key");
        assertThat(LangSmithSettings.builder().environment(Map.of("LANGCHAIN_API_KEY", "lc-key")).build().apiKey()
                .reveal()).isEqualTo("lc-key");
        assertThat(LangSmithSettings.builder().environment(both).apiKey("set-key").build().apiKey().reveal())
                .isEqualTo("set-key");
    }

    @Test
    void theEndpointDefaultsToThePublicApiAndFollowsLangSmithEndpoint() {
        assertThat(LangSmithSettings.builder().environment(Map.of()).build().endpoint())
                .isEqualTo(LangSmithSettings.DEFAULT_ENDPOINT);
        LangSmithSettings selfHosted = LangSmithSettings.builder()
                .environment(Map.of("LANGSMITH_ENDPOINT", "https://ls.example.internal/api/v1/")).build();

        assertThat(selfHosted.resolve("/runs/query"))
                .isEqualTo(URI.create("https://ls.example.internal/api/v1/runs/query"));
    }

    @Test
    void theKeyNeverShowsInToStringAndAMissingKeyNamesTheSettings() {
        LangSmithSettings settings = LangSmithSettings.builder().environment(Map.of()).apiKey("lsv2_pt_secret")
                .build();

        assertThat(settings.toString()).doesNotContain("lsv2_pt_secret");
        assertThatThrownBy(() -> LangSmithSettings.builder().environment(Map.of()).build().requireApiKey())
                .hasMessageContaining("trajectory.langsmith.api-key").hasMessageContaining("LANGSMITH_API_KEY");
    }

    @Test
    void aBadEndpointIsRefusedWithItsValue() {
        assertThatThrownBy(() -> LangSmithSettings.builder().environment(Map.of()).endpoint("ftp://x").build())
                .hasMessageContaining("ftp://x");
    }
}
