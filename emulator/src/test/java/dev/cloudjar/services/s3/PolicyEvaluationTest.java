package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.services.s3.PolicyEvaluation.Decision;
import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {
    private static final String POLICY = """
            {"Statement":[
             {"Effect":"Allow","Principal":"*","Action":["s3:Get*"],"Resource":"arn:aws:s3:::b/pub/*"},
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"s3:*","Resource":"*"},
             {"Effect":"Allow","Principal":"*","NotAction":"s3:Delete*","Resource":"arn:aws:s3:::b/open/?.txt"},
             {"Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/cond/*","Condition":{"Bool":{"x":"y"}}},
             {"Effect":"Deny","Principal":{"AWS":["*"]},"Action":"s3:getobject","Resource":"arn:aws:s3:::b/pub/secret"}]}""";

    @Test
    void denyWinsAllowNeedsEveryoneAndWildcardsMatch() {
        assertEquals(Decision.PUBLIC_ALLOW, PolicyEvaluation.evaluate(POLICY, null, "s3:GetObject", "arn:aws:s3:::b/pub/a/b.txt"));
        assertEquals(Decision.DENY, PolicyEvaluation.evaluate(POLICY, null, "s3:GetObject", "arn:aws:s3:::b/pub/secret"));
        assertEquals(Decision.NONE, PolicyEvaluation.evaluate(POLICY, null, "s3:PutObject", "arn:aws:s3:::b/pub/a"));
        assertEquals(Decision.PUBLIC_ALLOW, PolicyEvaluation.evaluate(POLICY, null, "s3:PutObject", "arn:aws:s3:::b/open/x.txt"));
        assertEquals(Decision.NONE, PolicyEvaluation.evaluate(POLICY, null, "s3:DeleteObject", "arn:aws:s3:::b/open/x.txt"));
        assertEquals(Decision.NONE, PolicyEvaluation.evaluate(POLICY, null, "s3:PutObject", "arn:aws:s3:::b/open/xy.txt"));
        assertEquals(Decision.NONE, PolicyEvaluation.evaluate(POLICY, null, "s3:PutObject", "arn:aws:s3:::b/cond/k"), "conditions are not met");
        assertEquals(Decision.NONE, PolicyEvaluation.evaluate(null, null, "s3:GetObject", "arn:aws:s3:::b/k"));
        assertEquals(Decision.ALLOW, PolicyEvaluation.evaluate(POLICY, "111111111111", "s3:DeleteObject", "arn:aws:s3:::b/any"));
        assertEquals(Decision.NONE, PolicyEvaluation.evaluate(POLICY, "222222222222", "s3:DeleteObject", "arn:aws:s3:::b/any"));
    }

    @Test
    void globIsIamsWildcard() {
        assertTrue(PolicyEvaluation.glob("a*b?c", "aXXbYc"));
        assertTrue(PolicyEvaluation.glob("*", ""));
        assertFalse(PolicyEvaluation.glob("a*b", "aXXc"));
        assertFalse(PolicyEvaluation.glob("a?", "a"));
    }
}
