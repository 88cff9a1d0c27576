package com.servicecoach.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Sign-in limits, from {@code servicecoach.security.*}. */
@ConfigurationProperties("servicecoach.security")
public record SecuritySettings(
        @Bindable(defaultValue = "30") int idleMinutes,
        @Bindable(defaultValue = "12") int absoluteHours,
        @Bindable(defaultValue = "5") int maxFailedSignIns,
        @Bindable(defaultValue = "15") int lockMinutes) {
}
