package dev.cloudjar.services.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.VerificationException;

/** The SMS sandbox: a number is added Pending, texted a one-time password (in the outbox), and verified with it. */
@ExtendWith(CloudJarExtension.class)
class SnsSmsSandboxIT {
    private static final Pattern OTP = Pattern.compile("verification code is: (\\d{6})");

    private static String otpSentTo(CloudJar cloudJar, String number) {
        List<OutboxMessage> texts = cloudJar.backend(SnsBackend.class).outbox().stream()
                .filter(m -> m.recipient().equals(number) && "sms".equals(m.protocol())).toList();
        assertFalse(texts.isEmpty(), "no SMS to " + number);
        Matcher m = OTP.matcher(texts.get(texts.size() - 1).body());
        assertTrue(m.find(), texts.get(texts.size() - 1).body());
        return m.group(1);
    }

    @Test
    void aNumberIsVerifiedWithThePasswordItWasTexted(SnsClient sns, CloudJar cloudJar) {
        assertFalse(sns.getSMSSandboxAccountStatus(b -> { }).isInSandbox());
        sns.createSMSSandboxPhoneNumber(b -> b.phoneNumber("+15555550101").languageCode("en-US"));
        sns.createSMSSandboxPhoneNumber(b -> b.phoneNumber("+15555550102"));
        var listed = sns.listSMSSandboxPhoneNumbers(b -> { });
        assertEquals(List.of("+15555550101:Pending", "+15555550102:Pending"),
                listed.phoneNumbers().stream().filter(n -> n.phoneNumber().startsWith("+1555555010"))
                        .map(n -> n.phoneNumber() + ":" + n.statusAsString()).toList());

        String otp = otpSentTo(cloudJar, "+15555550101");
        String wrong = otp.equals("000000") ? "111111" : "000000";
        SnsException bad = assertThrows(VerificationException.class,
                () -> sns.verifySMSSandboxPhoneNumber(b -> b.phoneNumber("+15555550101").oneTimePassword(wrong)));
        assertEquals(400, bad.statusCode());
        sns.verifySMSSandboxPhoneNumber(b -> b.phoneNumber("+15555550101").oneTimePassword(otp));
        var page = sns.listSMSSandboxPhoneNumbers(b -> b.maxResults(1));
        assertEquals("+15555550101", page.phoneNumbers().get(0).phoneNumber());
        assertEquals("Verified", page.phoneNumbers().get(0).statusAsString());
        assertTrue(page.nextToken() != null);
        var second = sns.listSMSSandboxPhoneNumbers(b -> b.nextToken(page.nextToken()));
        assertEquals("+15555550102", second.phoneNumbers().get(0).phoneNumber());

        sns.deleteSMSSandboxPhoneNumber(b -> b.phoneNumber("+15555550102"));
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class,
                () -> sns.deleteSMSSandboxPhoneNumber(b -> b.phoneNumber("+15555550102")));
        assertEquals(404, gone.statusCode());
        assertThrows(ResourceNotFoundException.class,
                () -> sns.verifySMSSandboxPhoneNumber(b -> b.phoneNumber("+15555550199").oneTimePassword("123456")));
        assertTrue(sns.listOriginationNumbers(b -> { }).phoneNumbers().isEmpty());
    }

    @Test
    void numbersMustBeE164(SnsClient sns) {
        for (String number : List.of("15555550101", "+1555abc0101", "+0123456789")) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> sns.createSMSSandboxPhoneNumber(b -> b.phoneNumber(number)));
            assertEquals("InvalidParameter", e.awsErrorDetails().errorCode());
            assertEquals("Invalid parameter: PhoneNumber Reason: input incorrectly formatted", e.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void boto3ManagesTheSandbox(CloudJar cloudJar) {
        String script = String.join("\n",
                "import os, boto3",
                "sns = boto3.client('sns', endpoint_url=os.environ['ENDPOINT'])",
                "sns.create_sms_sandbox_phone_number(PhoneNumber='+15555550150')",
                "print(sns.list_sms_sandbox_phone_numbers()['PhoneNumbers'])",
                "print(sns.get_sms_sandbox_account_status()['IsInSandbox'])",
                "try:",
                "    sns.verify_sms_sandbox_phone_number(PhoneNumber='+15555550151', OneTimePassword='123456')",
                "    raise SystemExit('no error')",
                "except sns.exceptions.ResourceNotFoundException as e:",
                "    print(e.response['Error']['Code'])");
        String out = new CliRunner(cloudJar.endpoint()).python(script).assertSuccess().stdout();
        assertTrue(out.contains("{'PhoneNumber': '+15555550150', 'Status': 'Pending'}"), out);
        assertTrue(out.contains("False"), out);
        assertTrue(out.contains("ResourceNotFound"), out);
    }
}
