package com.servicecoach.settings;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** One saved version of the scoring settings; {@code document} is the settings' canonical JSON. */
@MappedEntity("scoring_settings")
record SettingsVersion(@Id Integer version, String document, String hash, String savedBy, LocalDateTime savedAt) {
}
