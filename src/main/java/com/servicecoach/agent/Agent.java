package com.servicecoach.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * An agent's profile. {@code channels} is stored as a ';'-separated list, e.g. "chat;email". {@code helpdeskId} is
 * the agent's user id, email or name in the shop's helpdesk, as its exports write it (optional, unique), so that
 * helpdesk imports match the agent ({@link AgentMatcher}).
 */
@MappedEntity("agent")
public record Agent(
        @Id @GeneratedValue @Nullable Long id,
        String employeeNo,
        String name,
        String email,
        @Nullable String helpdeskId,
        Long teamId,
        String channels,
        @Nullable LocalDate hiredOn,
        String status,
        LocalDateTime updatedAt) {

    public List<String> channelList() {
        return channels.isEmpty() ? List.of() : Arrays.asList(channels.split(";"));
    }
}
