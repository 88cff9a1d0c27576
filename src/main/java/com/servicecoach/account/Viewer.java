package com.servicecoach.account;

import io.micronaut.core.annotation.Nullable;

/** The signed-in person, as the access rules see them. */
public record Viewer(String username, Role role, @Nullable String employeeNo) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isHr() {
        return role == Role.HR;
    }

    public boolean isSupervisor() {
        return role == Role.SUPERVISOR;
    }

    public boolean isAgent() {
        return role == Role.AGENT;
    }

    /** Administrators and HR read every team. */
    public boolean readsAllTeams() {
        return role == Role.ADMIN || role == Role.HR;
    }
}
