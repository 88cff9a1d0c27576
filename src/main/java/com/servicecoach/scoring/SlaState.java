package com.servicecoach.scoring;

/** The service-level state of one interaction for one target (metrics.md, "Service level (SLA)"). */
public enum SlaState {
    /** Done within the target. */
    MET,
    /** Done after the target, or not done and already past it. */
    BREACHED,
    /** Not done and still within the target: left out of the SLA %. */
    PENDING
}
