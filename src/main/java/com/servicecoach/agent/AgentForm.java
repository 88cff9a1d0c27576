package com.servicecoach.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An agent to create or change, as sent by the API, the form or a CSV row. Dates are YYYY-MM-DD text.
 * {@code helpdeskId}: empty clears it; null (left out of an API call, no helpdesk_id column in a CSV file) keeps
 * an existing agent's.
 */
@Serdeable
public record AgentForm(@Nullable String employeeNo, @Nullable String name, @Nullable String email,
                        @Nullable String helpdeskId, @Nullable String team, @Nullable List<String> channels, @Nullable String hiredOn,
                        @Nullable String status) {
}
