package dev.cloudjar.control;

import java.util.Map;

/** What {@code GET /_cloudjar/health} shows: version, uptime, services and their state. */
@FunctionalInterface
public interface HealthView {
    Map<String, Object> snapshot();
}
