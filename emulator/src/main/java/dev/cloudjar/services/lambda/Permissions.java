package dev.cloudjar.services.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.services.lambda.model.FunctionRecord;
import dev.cloudjar.services.lambda.model.PolicyStatement;
import java.util.ArrayList;
import java.util.List;

/** The function's resource-based policy: kept and returned as AWS shows it, not enforced. */
final class Permissions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Functions functions;

    Permissions(Functions functions) {
        this.functions = functions;
    }

    /** The statement input of AddPermission. */
    record Grant(String statementId, String action, String principal, String sourceArn, String sourceAccount,
                 String principalOrgId, String revisionId) {
    }

    String add(FunctionRef ref, Grant grant) {
        if (grant.statementId() == null || grant.action() == null || grant.principal() == null) {
            throw LambdaErrors.invalid("StatementId, Action and Principal are required.");
        }
        if (ref.qualifier() != null) {
            functions.config(ref);
        }
        String resource = ref.arn();
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", grant.statementId());
        statement.put("Effect", "Allow");
        String principal = grant.principal();
        if ("*".equals(principal)) {
            statement.put("Principal", "*");
        } else if (principal.matches("\\d{12}")) {
            statement.putObject("Principal").put("AWS", "arn:aws:iam::" + principal + ":root");
        } else if (principal.startsWith("arn:")) {
            statement.putObject("Principal").put("AWS", principal);
        } else {
            statement.putObject("Principal").put("Service", principal);
        }
        statement.put("Action", grant.action());
        statement.put("Resource", resource);
        ObjectNode condition = JSON.createObjectNode();
        if (grant.sourceAccount() != null) {
            condition.putObject("StringEquals").put("AWS:SourceAccount", grant.sourceAccount());
        }
        if (grant.principalOrgId() != null) {
            condition.with("StringEquals").put("aws:PrincipalOrgID", grant.principalOrgId());
        }
        if (grant.sourceArn() != null) {
            condition.putObject("ArnLike").put("AWS:SourceArn", grant.sourceArn());
        }
        if (!condition.isEmpty()) {
            statement.set("Condition", condition);
        }
        String json = statement.toString();
        functions.update(ref.withQualifier(null), null, record -> {
            if (grant.revisionId() != null && !grant.revisionId().equals(record.policyRevision())) {
                throw LambdaErrors.preconditionFailed();
            }
            for (PolicyStatement existing : record.policy()) {
                if (existing.sid().equals(grant.statementId())) {
                    throw LambdaErrors.conflict("The statement id (" + grant.statementId()
                            + ") provided already exists. Please choose another statement id.");
                }
            }
            List<PolicyStatement> next = new ArrayList<>(record.policy());
            next.add(new PolicyStatement(grant.statementId(), ref.qualifier(), json));
            return record.withPolicy(next, functions.newRevision());
        });
        return json;
    }

    void remove(FunctionRef ref, String statementId, String revisionId) {
        functions.update(ref.withQualifier(null), null, record -> {
            if (revisionId != null && !revisionId.equals(record.policyRevision())) {
                throw LambdaErrors.preconditionFailed();
            }
            List<PolicyStatement> next = new ArrayList<>(record.policy());
            boolean removed = next.removeIf(s -> s.sid().equals(statementId) && sameQualifier(s.qualifier(), ref.qualifier()));
            if (!removed) {
                throw LambdaErrors.notFound("Statement " + statementId + " is not found in resource policy.");
            }
            return record.withPolicy(next, functions.newRevision());
        });
    }

    /** The policy document and its revision, for GetPolicy. */
    String[] get(FunctionRef ref) {
        FunctionRecord record = functions.record(ref);
        ArrayNode statements = JSON.createArrayNode();
        for (PolicyStatement s : record.policy()) {
            if (sameQualifier(s.qualifier(), ref.qualifier())) {
                try {
                    statements.add(JSON.readTree(s.json()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (statements.isEmpty()) {
            throw LambdaErrors.notFound("The resource you requested does not exist.");
        }
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        policy.put("Id", "default");
        policy.set("Statement", statements);
        return new String[] {policy.toString(), record.policyRevision()};
    }

    private static boolean sameQualifier(String a, String b) {
        String x = a == null || Functions.LATEST.equals(a) ? "" : a;
        String y = b == null || Functions.LATEST.equals(b) ? "" : b;
        return x.equals(y);
    }
}
