package dev.cloudjar;

import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.persistence.StateStore;
import java.time.Clock;

/** What the house gives every backend: settings, state, the event bus, time and ids. */
public record ServiceContext(CloudJarConfig config, StateStore store, EventBus events, Clock clock, IdGenerator ids) {
}
