package dev.cloudjar.integration;

import dev.cloudjar.protocol.auth.SigningSecrets;
import dev.cloudjar.services.iam.IamBackend;
import dev.cloudjar.services.iam.IamUsers;
import dev.cloudjar.services.sts.StsBackend;
import dev.cloudjar.services.sts.TemporaryCredentials;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The secrets strict authentication checks signatures with: the {@code --credentials} CloudJar was started
 * with ({@code AKID:SECRET[:ACCOUNT]}, account defaulting to CloudJar's), then active access keys IAM
 * created, then the temporary credentials STS issued (with their session token and expiry).
 */
public final class KnownSigningSecrets implements SigningSecrets {
    private final Map<String, Secret> configured = new HashMap<>();
    private final Supplier<IamBackend> iam;
    private final Supplier<StsBackend> sts;

    public KnownSigningSecrets(List<String> credentials, String defaultAccount, Supplier<IamBackend> iam, Supplier<StsBackend> sts) {
        this.iam = iam;
        this.sts = sts;
        for (String entry : credentials) {
            String[] parts = entry.split(":", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()
                    || (parts.length == 3 && !parts[2].matches("\\d{12}"))) {
                throw new IllegalArgumentException("--credentials takes ACCESS_KEY_ID:SECRET or ACCESS_KEY_ID:SECRET:ACCOUNT (12 digits), "
                        + "comma-separated; not '" + entry + "'");
            }
            configured.put(parts[0], new Secret(parts[0], parts[1], parts.length == 3 ? parts[2] : defaultAccount, null, Long.MAX_VALUE));
        }
    }

    @Override
    public Secret find(String accessKeyId) {
        Secret secret = configured.get(accessKeyId);
        if (secret != null) {
            return secret;
        }
        if (accessKeyId != null && accessKeyId.startsWith("ASIA")) {
            TemporaryCredentials issued = sts.get().issuedCredentials(accessKeyId);
            return issued == null ? null : new Secret(accessKeyId, issued.secretAccessKey(), issued.account(), issued.sessionToken(),
                    issued.expirationMillis());
        }
        IamUsers.OwnedAccessKey owned = iam.get().users().accessKeyInAnyAccount(accessKeyId);
        if (owned == null || !"Active".equals(owned.key().status())) {
            return null;
        }
        return new Secret(accessKeyId, owned.key().secretAccessKey(), owned.account(), null, Long.MAX_VALUE);
    }
}
