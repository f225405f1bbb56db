package dev.trajectory.trajectory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who wrote a message. */
public enum Role {

    @JsonProperty("system")
    SYSTEM,

    @JsonProperty("user")
    USER,

    @JsonProperty("assistant")
    ASSISTANT,

    @JsonProperty("tool")
    TOOL
}
