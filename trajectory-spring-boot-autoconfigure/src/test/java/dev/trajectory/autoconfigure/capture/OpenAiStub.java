package dev.trajectory.autoconfigure.capture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** A WireMock OpenAI chat-completions endpoint ({@code POST /v1/chat/completions}) with canned answers. */
public final class OpenAiStub {

    /** The key the clients send; it must never reach events, logs or uploads. */
    public static final String OPENAI_KEY = "sk-test-0penai-secret-key";

    public static final String MODEL = "gpt-4o-mini-2024-07-18";

    public static final String FINAL_ANSWER = "It is sunny in Paris; the stock of A-1 is unknown.";

    private static final String PATH = "/v1/chat/completions";

    private OpenAiStub() {
    }

    /** The base URL OpenAI clients use: IPv4 loopback, so no client waits on an IPv6 attempt first. */
    public static String baseUrl(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort() + "/v1";
    }

    /**
     * The model first asks for two tools, {@code weather} and {@code stock}; once the request carries tool results
     * it answers in text. Usage: 50 in + 20 out, then 100 in + 10 out.
     */
    public static void toolRoundTrip(WireMockExtension server) {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(5).willReturn(okJson("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"%s",
                 "choices":[{"index":0,"finish_reason":"tool_calls","logprobs":null,
                   "message":{"role":"assistant","content":null,"refusal":null,"tool_calls":[
                     {"id":"call_weather","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                     {"id":"call_stock","type":"function","function":{"name":"stock","arguments":"{\\"sku\\":\\"A-1\\"}"}}]}}],
                 "usage":{"prompt_tokens":50,"completion_tokens":20,"total_tokens":70}}
                """.formatted(MODEL))));
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
                .willReturn(okJson("""
                        {"id":"chatcmpl-2","object":"chat.completion","created":1700000001,"model":"%s",
                         "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
                           "message":{"role":"assistant","content":"%s","refusal":null}}],
                         "usage":{"prompt_tokens":100,"completion_tokens":10,"total_tokens":110}}
                        """.formatted(MODEL, FINAL_ANSWER))));
    }

    /** A streamed answer "Hello there" in two chunks, then the finish reason, then usage (12 in, 2 out). */
    public static void streamedAnswer(WireMockExtension server) {
        String chunk = "{\"id\":\"chatcmpl-3\",\"object\":\"chat.completion.chunk\",\"created\":1700000002,"
                + "\"model\":\"" + MODEL + "\",\"choices\":%s%s}";
        String body = event(chunk.formatted("[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hello\"},"
                + "\"finish_reason\":null}]", ""))
                + event(chunk.formatted("[{\"index\":0,\"delta\":{\"content\":\" there\"},\"finish_reason\":null}]", ""))
                + event(chunk.formatted("[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]", ""))
                + event(chunk.formatted("[]",
                        ",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,\"total_tokens\":14}"))
                + event("[DONE]");
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(body)));
    }

    private static String event(String data) {
        return "data: " + data + "\n\n";
    }
}
