package dev.trajectory.push;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.trajectory.json.TrajectoryJson;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** Reads what the SDK sent to a WireMock ingest stub. */
final class IngestRequests {

    private IngestRequests() {
    }

    /** Makes the events endpoint answer with each response in turn, repeating the last one. */
    static void answerInTurn(WireMockExtension server, ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "answer-" + (i + 1);
            server.stubFor(post(urlEqualTo("/v1/events")).inScenario("in turn").whenScenarioStateIs(state)
                    .willReturn(responses[i]).willSetStateTo(next));
            state = next;
        }
    }

    static List<LoggedRequest> eventRequests(WireMockExtension server) {
        return server.findAll(postRequestedFor(urlEqualTo("/v1/events")));
    }

    /** The request body as JSON; WireMock has already decoded the gzip content encoding. */
    static JsonNode body(LoggedRequest request) {
        return TrajectoryJson.mapper().readTree(request.getBody());
    }

    static List<String> eventIds(LoggedRequest request) {
        List<String> ids = new ArrayList<>();
        body(request).get("events").forEach(event -> ids.add(event.get("event_id").asString()));
        return ids;
    }
}
