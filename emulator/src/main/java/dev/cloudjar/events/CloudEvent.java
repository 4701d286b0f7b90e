package dev.cloudjar.events;

import dev.cloudjar.core.Scope;

/**
 * Something a backend did that another service may react to. Backends publish after their state
 * change has committed and outside their locks; {@code integration} subscribes. Each event record
 * lives in this package so that no service has to import another to listen.
 */
public interface CloudEvent {
    Scope scope();
}
