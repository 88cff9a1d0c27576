package com.servicecoach.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A team as the API shows it. */
@Serdeable
public record TeamView(String name, @Nullable String supervisor, long agents) {
}
