package com.servicecoach.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A team of agents, led by the supervisor named here (a username). */
@MappedEntity("team")
public record Team(@Id @GeneratedValue @Nullable Long id, String name, @Nullable String supervisor) {
}
