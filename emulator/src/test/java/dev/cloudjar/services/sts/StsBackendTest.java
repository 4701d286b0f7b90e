package dev.cloudjar.services.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.persistence.MapDbStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Issued credentials are remembered until they expire on the injected clock. */
class StsBackendTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    private static StsBackend at(MapDbStateStore store, Instant now) {
        return new StsBackend(new ServiceContext(CloudJarConfig.defaults(), store, new EventBus(), Clock.fixed(now, ZoneOffset.UTC),
                IdGenerator.random()));
    }

    @Test
    void temporaryCredentialsAreKnownUntilTheyExpire() {
        try (MapDbStateStore store = MapDbStateStore.inMemory()) {
            AssumedRole role = at(store, T0).assumeRole(SCOPE, "arn:aws:iam::000000000000:role/r", "session", 900);
            String key = role.credentials().accessKeyId();
            assertEquals(T0.plusSeconds(900).toEpochMilli(), role.credentials().expirationMillis());
            assertNotNull(at(store, T0.plusSeconds(899)).temporaryCredentials(key));
            assertNull(at(store, T0.plusSeconds(900)).temporaryCredentials(key));
            assertEquals("arn:aws:iam::000000000000:root", at(store, T0.plusSeconds(900)).callerIdentity(SCOPE, key).arn(),
                    "expired credentials are nobody's");

            TemporaryCredentials session = at(store, T0).getSessionToken(SCOPE, null);
            assertNotNull(at(store, T0.plus(Duration.ofHours(11))).temporaryCredentials(session.accessKeyId()));
            assertNull(at(store, T0.plus(Duration.ofHours(12))).temporaryCredentials(session.accessKeyId()));
        }
    }

    @Test
    void aRoleIamKnowsLendsItsIdAndLimit() {
        try (MapDbStateStore store = MapDbStateStore.inMemory()) {
            StsBackend sts = at(store, T0).useIamDirectory(new IamDirectory() {
                @Override
                public KnownRole role(String roleArn) {
                    return new KnownRole("AROAEXAMPLEEXAMPLEEX", 7200);
                }

                @Override
                public KnownUser userOfAccessKey(String account, String accessKeyId) {
                    return null;
                }
            });
            AssumedRole role = sts.assumeRole(SCOPE, "arn:aws:iam::000000000000:role/r", "s1", 7200);
            assertEquals("AROAEXAMPLEEXAMPLEEX:s1", role.assumedRoleId());
            AssumedRole unknown = at(store, T0).assumeRole(SCOPE, "arn:aws:iam::000000000000:role/r", "s1", null);
            assertEquals(unknown.assumedRoleId(), at(store, T0).assumeRole(SCOPE, "arn:aws:iam::000000000000:role/r", "s1", null)
                    .assumedRoleId(), "an unknown role's id is the same on every call");
        }
    }
}
