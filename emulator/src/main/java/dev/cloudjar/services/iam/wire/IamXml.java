package dev.cloudjar.services.iam.wire;

import dev.cloudjar.protocol.QueryString;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.iam.model.AccessKeyRecord;
import dev.cloudjar.services.iam.model.AttachedPolicy;
import dev.cloudjar.services.iam.model.IamPage;
import dev.cloudjar.services.iam.model.IamTag;
import dev.cloudjar.services.iam.model.InstanceProfile;
import dev.cloudjar.services.iam.model.ManagedPolicy;
import dev.cloudjar.services.iam.model.ManagedPolicyRecord;
import dev.cloudjar.services.iam.model.PolicyVersion;
import dev.cloudjar.services.iam.model.RoleRecord;
import dev.cloudjar.services.iam.model.UserRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiConsumer;

/** IAM's result shapes in the 2010-05-08 model's member names. */
final class IamXml {
    /** Which members a role shows: ListRoles leaves out tags, the permissions boundary and last use. */
    enum RoleView { FULL, LISTED }

    private IamXml() {
    }

    static String timestamp(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** IAM returns policy documents URL-encoded (botocore decodes them; Java users call URLDecoder). */
    static String document(String json) {
        return QueryString.encode(json, false);
    }

    static void role(XmlWriter x, String element, RoleRecord role, RoleView view) {
        x.start(element)
                .element("Path", role.path())
                .element("RoleName", role.roleName())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn())
                .element("CreateDate", timestamp(role.createdMillis()))
                .element("AssumeRolePolicyDocument", document(role.assumeRolePolicyDocument()))
                .element("Description", role.description())
                .element("MaxSessionDuration", role.maxSessionDuration());
        if (view == RoleView.FULL) {
            if (role.permissionsBoundary() != null) {
                x.start("PermissionsBoundary").element("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                        .element("PermissionsBoundaryArn", role.permissionsBoundary()).end();
            }
            if (!role.tags().isEmpty()) {
                tags(x, role.tags());
            }
            x.empty("RoleLastUsed");
        }
        x.end();
    }

    static void user(XmlWriter x, String element, UserRecord user, boolean full) {
        x.start(element)
                .element("Path", user.path())
                .element("UserName", user.userName())
                .element("UserId", user.userId())
                .element("Arn", user.arn())
                .element("CreateDate", timestamp(user.createdMillis()));
        if (full) {
            if (user.permissionsBoundary() != null) {
                x.start("PermissionsBoundary").element("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                        .element("PermissionsBoundaryArn", user.permissionsBoundary()).end();
            }
            if (!user.tags().isEmpty()) {
                tags(x, user.tags());
            }
        }
        x.end();
    }

    static void policy(XmlWriter x, String element, ManagedPolicy policy) {
        ManagedPolicyRecord p = policy.record();
        x.start(element)
                .element("PolicyName", p.policyName())
                .element("PolicyId", p.policyId())
                .element("Arn", p.arn())
                .element("Path", p.path())
                .element("DefaultVersionId", p.defaultVersionId())
                .element("AttachmentCount", policy.attachmentCount())
                .element("PermissionsBoundaryUsageCount", 0)
                .element("IsAttachable", true)
                .element("Description", p.description())
                .element("CreateDate", timestamp(p.createdMillis()))
                .element("UpdateDate", timestamp(p.updatedMillis()));
        if (!p.tags().isEmpty()) {
            tags(x, p.tags());
        }
        x.end();
    }

    static void version(XmlWriter x, String element, PolicyVersion version) {
        x.start(element)
                .element("Document", document(version.document()))
                .element("VersionId", version.versionId())
                .element("IsDefaultVersion", version.defaultVersion())
                .element("CreateDate", timestamp(version.createdMillis()))
                .end();
    }

    static void accessKey(XmlWriter x, String element, AccessKeyRecord key, boolean withSecret) {
        x.start(element)
                .element("UserName", key.userName())
                .element("AccessKeyId", key.accessKeyId())
                .element("Status", key.status());
        if (withSecret) {
            x.element("SecretAccessKey", key.secretAccessKey());
        }
        x.element("CreateDate", timestamp(key.createdMillis())).end();
    }

    static void instanceProfile(XmlWriter x, String element, InstanceProfile profile) {
        x.start(element)
                .element("Path", profile.record().path())
                .element("InstanceProfileName", profile.record().instanceProfileName())
                .element("InstanceProfileId", profile.record().instanceProfileId())
                .element("Arn", profile.record().arn())
                .element("CreateDate", timestamp(profile.record().createdMillis()));
        x.start("Roles");
        for (RoleRecord role : profile.roles()) {
            role(x, "member", role, RoleView.LISTED);
        }
        x.end();
        if (!profile.record().tags().isEmpty()) {
            tags(x, profile.record().tags());
        }
        x.end();
    }

    static void attached(XmlWriter x, AttachedPolicy policy) {
        x.start("member").element("PolicyName", policy.policyName()).element("PolicyArn", policy.policyArn()).end();
    }

    static void tags(XmlWriter x, List<IamTag> tags) {
        x.start("Tags");
        for (IamTag tag : tags) {
            tag(x, tag);
        }
        x.end();
    }

    static void tag(XmlWriter x, IamTag tag) {
        x.start("member").element("Key", tag.key()).element("Value", tag.value()).end();
    }

    /** A paged list: {@code <element><member>..</member></element><IsTruncated>..<Marker>..}. */
    static <T> void page(XmlWriter x, String element, IamPage<T> page, BiConsumer<XmlWriter, T> member) {
        x.start(element);
        for (T item : page.items()) {
            member.accept(x, item);
        }
        x.end().element("IsTruncated", page.truncated()).element("Marker", page.marker());
    }
}
