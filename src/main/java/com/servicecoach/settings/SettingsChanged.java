package com.servicecoach.settings;

/** Published after an administrator saved new scoring settings (so stored rollups can be rebuilt). */
public record SettingsChanged(int version) {
}
