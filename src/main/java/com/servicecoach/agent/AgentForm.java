package com.servicecoach.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An agent to create or change, as sent by the API, the form or a CSV row. Dates are YYYY-MM-DD text. */
@Serdeable
public record AgentForm(@Nullable String employeeNo, @Nullable String name, @Nullable String email,
                        @Nullable String team, @Nullable List<String> channels, @Nullable String hiredOn,
                        @Nullable String status) {
}
