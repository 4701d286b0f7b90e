package dev.cloudjar.services.sns;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SMS sandbox's destination numbers per account and region: CreateSMSSandboxPhoneNumber adds a
 * number as Pending and texts it a one-time password (the SMS lands in the outbox like any other),
 * VerifySMSSandboxPhoneNumber with that password makes it Verified. Adding a Pending number again
 * texts a new password; adding a Verified one changes nothing.
 *
 * <p>LIMITATIONS: the account is reported out of the sandbox (GetSMSSandboxAccountStatus answers
 * IsInSandbox false), so Publish to unverified numbers is not refused; there are no origination
 * numbers (ListOriginationNumbers is empty); the list lives in memory only and a reset clears it.
 */
public final class SmsSandbox {
    /** LanguageCodeString in the 2010-03-31 model. */
    private static final List<String> LANGUAGES = List.of("en-US", "en-GB", "es-419", "es-ES", "de-DE", "fr-CA", "fr-FR",
            "it-IT", "ja-JP", "pt-BR", "kr-KR", "zh-CN", "zh-TW");

    private final Map<String, Map<String, Entry>> byScope = new ConcurrentHashMap<>();
    private final IdGenerator ids;
    private final SnsTransports transports;

    /** One number: its password until verified. */
    private record Entry(String otp, boolean verified) {
    }

    /** A number as ListSMSSandboxPhoneNumbers shows it. */
    public record SandboxNumber(String phoneNumber, String status) {
    }

    SmsSandbox(IdGenerator ids, SnsTransports transports) {
        this.ids = ids;
        this.transports = transports;
    }

    public void create(Scope scope, String phoneNumber, String languageCode) {
        checkNumber(phoneNumber);
        if (languageCode != null && !LANGUAGES.contains(languageCode)) {
            throw SnsErrors.invalidParameter("Invalid parameter: LanguageCode Reason: " + languageCode + " is not a supported language code");
        }
        Map<String, Entry> numbers = numbers(scope);
        synchronized (numbers) {
            Entry existing = numbers.get(phoneNumber);
            if (existing != null && existing.verified()) {
                return;
            }
            String otp = otp();
            numbers.put(phoneNumber, new Entry(otp, false));
            String messageId = ids.uuid();
            transports.deliver(new SnsDelivery(scope, null, null, "sms", phoneNumber, "Notification", messageId, null,
                    "Your Amazon SNS verification code is: " + otp, true, Map.of(), null, null, null));
        }
    }

    public void verify(Scope scope, String phoneNumber, String oneTimePassword) {
        checkNumber(phoneNumber);
        if (oneTimePassword == null || !oneTimePassword.matches("[0-9]{5,8}")) {
            throw SnsErrors.invalidParameter("Invalid parameter: OneTimePassword Reason: input incorrectly formatted");
        }
        Map<String, Entry> numbers = numbers(scope);
        synchronized (numbers) {
            Entry entry = numbers.get(phoneNumber);
            if (entry == null) {
                throw SnsErrors.resourceNotFound();
            }
            if (entry.verified()) {
                return;
            }
            if (!entry.otp().equals(oneTimePassword)) {
                throw new AwsException(400, "VerificationException", "Invalid one-time password");
            }
            numbers.put(phoneNumber, new Entry(null, true));
        }
    }

    public void delete(Scope scope, String phoneNumber) {
        checkNumber(phoneNumber);
        if (numbers(scope).remove(phoneNumber) == null) {
            throw SnsErrors.resourceNotFound();
        }
    }

    /** A page of the numbers in number order; the token is the index of the next one. */
    public SnsPage<SandboxNumber> list(Scope scope, String nextToken, Integer maxResults) {
        if (maxResults != null && (maxResults < 1 || maxResults > 100)) {
            throw SnsErrors.invalidParameter("Invalid parameter: MaxResults Reason: must be between 1 and 100");
        }
        List<SandboxNumber> all = new ArrayList<>();
        new TreeMap<>(numbers(scope)).forEach((n, e) -> all.add(new SandboxNumber(n, e.verified() ? "Verified" : "Pending")));
        int from = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            try {
                from = Integer.parseInt(nextToken);
            } catch (NumberFormatException e) {
                from = -1;
            }
            if (from < 0 || from > all.size()) {
                throw SnsErrors.invalidParameter("Invalid parameter: NextToken");
            }
        }
        int size = maxResults == null ? 100 : maxResults;
        int to = Math.min(all.size(), from + size);
        return new SnsPage<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    void clear() {
        byScope.clear();
    }

    /** The sandbox's numbers are E.164 with the leading plus (PhoneNumberString in the model). */
    private static void checkNumber(String phoneNumber) {
        SmsSettings.checkPhoneNumber(phoneNumber);
        if (!phoneNumber.startsWith("+") || phoneNumber.length() > 20) {
            throw SnsErrors.invalidParameter("Invalid parameter: PhoneNumber Reason: input incorrectly formatted");
        }
    }

    private String otp() {
        long n = Long.parseUnsignedLong(ids.hex(6), 16) % 1_000_000;
        return String.format("%06d", n);
    }

    private Map<String, Entry> numbers(Scope scope) {
        return byScope.computeIfAbsent(scope.account() + "/" + scope.region(), k -> new ConcurrentHashMap<>());
    }
}
