package dev.cloudjar.testing;

/**
 * CloudJar's own integration tests use the published extension ({@code junit/}, artifact
 * {@code cloudjar-junit5}), compiled into this module's tests from its sources: a Maven dependency on
 * it would be a cycle, since it depends on the emulator. One CloudJar per test class.
 */
public final class CloudJarExtension extends dev.cloudjar.junit.CloudJarExtension {
}
