package com.servicecoach.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * An agent as the API shows it: {employeeNo, name, email, helpdeskId, team, channels, hiredOn, status}; helpdeskId
 * is null when the agent has none.
 */
@Serdeable
public record AgentView(String employeeNo, String name, String email, @Nullable String helpdeskId, String team, List<String> channels,
                        @Nullable LocalDate hiredOn, String status) {
}
