package com.servicecoach.agent;

import java.util.List;

/** An agent's employment status, as api.md names it. */
public final class AgentStatus {
    public static final List<String> ALL = List.of("active", "on_leave", "left");

    private AgentStatus() {
    }
}
