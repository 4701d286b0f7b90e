package dev.cloudjar.services.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.Resource;

/** REST API (v1) control plane through the SDK: every operation group with the errors users meet. */
@ExtendWith(CloudJarExtension.class)
class RestApisIT {
    @Test
    void restApiLifecycle(ApiGatewayClient apigw) {
        CreateRestApiResponse created = apigw.createRestApi(b -> b.name("LambdaMicroservice").description("hello")
                .endpointConfiguration(e -> e.types(EndpointType.REGIONAL)).tags(Map.of("team", "a")));
        assertEquals(10, created.id().length());
        assertEquals("LambdaMicroservice", created.name());
        assertEquals(List.of(EndpointType.REGIONAL), created.endpointConfiguration().types());
        assertNotNull(created.createdDate());
        assertEquals("HEADER", created.apiKeySourceAsString());
        assertEquals(Map.of("team", "a"), created.tags());
        assertNotNull(created.rootResourceId());

        assertEquals("hello", apigw.getRestApi(b -> b.restApiId(created.id())).description());
        assertTrue(apigw.getRestApis().items().stream().anyMatch(a -> a.id().equals(created.id())));

        NotFoundException missing = assertThrows(NotFoundException.class, () -> apigw.getRestApi(b -> b.restApiId("nope123456")));
        assertEquals(404, missing.statusCode());
        assertEquals("Invalid API identifier specified 000000000000:nope123456", missing.awsErrorDetails().errorMessage());
        assertEquals("NotFoundException", missing.awsErrorDetails().errorCode());

        var updated = apigw.updateRestApi(b -> b.restApiId(created.id()).patchOperations(
                p -> p.op(Op.REPLACE).path("/description").value("renamed"),
                p -> p.op(Op.ADD).path("/binaryMediaTypes/image~1png")));
        assertEquals("renamed", updated.description());
        assertEquals(List.of("image/png"), updated.binaryMediaTypes());
        assertThrows(BadRequestException.class, () -> apigw.updateRestApi(b -> b.restApiId(created.id())
                .patchOperations(p -> p.op(Op.REPLACE).path("/nonsense").value("x"))));

        var unknown = assertThrows(software.amazon.awssdk.services.apigateway.model.ApiGatewayException.class,
                () -> apigw.getAuthorizers(b -> b.restApiId(created.id())));
        assertEquals(404, unknown.statusCode());
        assertEquals("UnknownOperationException", unknown.awsErrorDetails().errorCode(), "an operation CloudJar lacks names itself");

        apigw.deleteRestApi(b -> b.restApiId(created.id()));
        assertThrows(NotFoundException.class, () -> apigw.getRestApi(b -> b.restApiId(created.id())));
        assertThrows(NotFoundException.class, () -> apigw.deleteRestApi(b -> b.restApiId(created.id())));
    }

    @Test
    void resourcesWithParametersAndGreedyProxy(ApiGatewayClient apigw) {
        String api = apigw.createRestApi(b -> b.name("tree")).id();
        List<Resource> initial = apigw.getResources(b -> b.restApiId(api)).items();
        assertEquals(1, initial.size());
        Resource root = initial.get(0);
        assertEquals("/", root.path());

        var items = apigw.createResource(b -> b.restApiId(api).parentId(root.id()).pathPart("items"));
        assertEquals("/items", items.path());
        assertEquals(root.id(), items.parentId());
        var id = apigw.createResource(b -> b.restApiId(api).parentId(items.id()).pathPart("{id}"));
        assertEquals("/items/{id}", id.path());
        var proxy = apigw.createResource(b -> b.restApiId(api).parentId(root.id()).pathPart("{proxy+}"));
        assertEquals("/{proxy+}", proxy.path());

        ConflictException duplicate = assertThrows(ConflictException.class,
                () -> apigw.createResource(b -> b.restApiId(api).parentId(root.id()).pathPart("items")));
        assertEquals("Another resource with the same parent already has this name: items", duplicate.awsErrorDetails().errorMessage());
        assertThrows(BadRequestException.class, () -> apigw.createResource(b -> b.restApiId(api).parentId(proxy.id()).pathPart("x")));
        assertThrows(BadRequestException.class, () -> apigw.createResource(b -> b.restApiId(api).parentId(items.id()).pathPart("{other}")));
        assertThrows(BadRequestException.class, () -> apigw.createResource(b -> b.restApiId(api).parentId(root.id()).pathPart("a b")));
        assertThrows(NotFoundException.class, () -> apigw.createResource(b -> b.restApiId(api).parentId("nope").pathPart("x")));

        assertEquals("/items/{id}", apigw.getResource(b -> b.restApiId(api).resourceId(id.id())).path());
        assertEquals(4, apigw.getResources(b -> b.restApiId(api)).items().size());
        apigw.deleteResource(b -> b.restApiId(api).resourceId(items.id()));
        assertEquals(2, apigw.getResources(b -> b.restApiId(api)).items().size(), "the child goes with its parent");
        NotFoundException gone = assertThrows(NotFoundException.class, () -> apigw.getResource(b -> b.restApiId(api).resourceId(id.id())));
        assertEquals("Invalid Resource identifier specified", gone.awsErrorDetails().errorMessage());
    }

    @Test
    void methodsIntegrationsAndResponses(ApiGatewayClient apigw) {
        String api = apigw.createRestApi(b -> b.name("methods")).id();
        String root = apigw.getResources(b -> b.restApiId(api)).items().get(0).id();
        String res = apigw.createResource(b -> b.restApiId(api).parentId(root).pathPart("hello")).id();

        var put = apigw.putMethod(b -> b.restApiId(api).resourceId(res).httpMethod("GET").authorizationType("NONE"));
        assertEquals("GET", put.httpMethod());
        assertEquals("NONE", put.authorizationType());
        assertThrows(ConflictException.class, () -> apigw.putMethod(b -> b.restApiId(api).resourceId(res).httpMethod("GET").authorizationType("NONE")));
        assertThrows(BadRequestException.class, () -> apigw.putMethod(b -> b.restApiId(api).resourceId(res).httpMethod("FETCH").authorizationType("NONE")));
        NotFoundException noIntegration = assertThrows(NotFoundException.class,
                () -> apigw.getIntegration(b -> b.restApiId(api).resourceId(res).httpMethod("GET")));
        assertEquals("No integration defined for method", noIntegration.awsErrorDetails().errorMessage());

        String uri = Invoke.lambdaUri("arn:aws:lambda:us-east-1:000000000000:function:hello");
        var integration = apigw.putIntegration(b -> b.restApiId(api).resourceId(res).httpMethod("GET")
                .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(uri));
        assertEquals(IntegrationType.AWS_PROXY, integration.type());
        assertEquals("POST", integration.httpMethod());
        assertEquals(uri, integration.uri());
        assertEquals(29000, integration.timeoutInMillis());
        assertEquals("WHEN_NO_MATCH", integration.passthroughBehavior());
        assertEquals(uri, apigw.getIntegration(b -> b.restApiId(api).resourceId(res).httpMethod("GET")).uri());
        assertThrows(BadRequestException.class, () -> apigw.putIntegration(b -> b.restApiId(api).resourceId(res).httpMethod("GET")
                .type(IntegrationType.AWS_PROXY).uri(uri)), "no integration http method");
        assertThrows(BadRequestException.class, () -> apigw.putIntegration(b -> b.restApiId(api).resourceId(res).httpMethod("GET")
                .type(IntegrationType.HTTP_PROXY).integrationHttpMethod("GET").uri("http://example.com/")), "loopback only");
        NotFoundException noMethod = assertThrows(NotFoundException.class, () -> apigw.putIntegration(b -> b.restApiId(api).resourceId(res)
                .httpMethod("POST").type(IntegrationType.MOCK)));
        assertEquals("Invalid Method identifier specified", noMethod.awsErrorDetails().errorMessage());

        assertThrows(NotFoundException.class, () -> apigw.putIntegrationResponse(b -> b.restApiId(api).resourceId(res)
                .httpMethod("GET").statusCode("200")), "the method response must exist first");
        apigw.putMethodResponse(b -> b.restApiId(api).resourceId(res).httpMethod("GET").statusCode("200")
                .responseModels(Map.of("application/json", "Empty")));
        var ir = apigw.putIntegrationResponse(b -> b.restApiId(api).resourceId(res).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "")));
        assertEquals("200", ir.statusCode());

        var method = apigw.getMethod(b -> b.restApiId(api).resourceId(res).httpMethod("GET"));
        assertEquals("Empty", method.methodResponses().get("200").responseModels().get("application/json"));
        assertEquals(uri, method.methodIntegration().uri());
        assertTrue(method.methodIntegration().integrationResponses().containsKey("200"));
        var embedded = apigw.getResources(b -> b.restApiId(api).embed("methods")).items().stream()
                .filter(r -> r.id().equals(res)).findFirst().orElseThrow();
        assertEquals(uri, embedded.resourceMethods().get("GET").methodIntegration().uri());

        String other = Invoke.lambdaUri("arn:aws:lambda:us-east-1:000000000000:function:other");
        var changed = apigw.updateIntegration(b -> b.restApiId(api).resourceId(res).httpMethod("GET").patchOperations(
                p -> p.op(Op.REPLACE).path("/uri").value(other), p -> p.op(Op.REPLACE).path("/timeoutInMillis").value("5000")));
        assertEquals(other, changed.uri());
        assertEquals(5000, changed.timeoutInMillis());
        assertThrows(BadRequestException.class, () -> apigw.updateIntegration(b -> b.restApiId(api).resourceId(res).httpMethod("GET")
                .patchOperations(p -> p.op(Op.REPLACE).path("/uri").value("not-an-arn"))));
        assertEquals(other, apigw.getIntegration(b -> b.restApiId(api).resourceId(res).httpMethod("GET")).uri(), "a refused patch changes nothing");
        assertTrue(apigw.updateMethod(b -> b.restApiId(api).resourceId(res).httpMethod("GET")
                .patchOperations(p -> p.op(Op.REPLACE).path("/apiKeyRequired").value("true"))).apiKeyRequired());

        apigw.deleteMethod(b -> b.restApiId(api).resourceId(res).httpMethod("GET"));
        assertThrows(NotFoundException.class, () -> apigw.getMethod(b -> b.restApiId(api).resourceId(res).httpMethod("GET")));
    }

    @Test
    void deploymentsAndStages(ApiGatewayClient apigw) {
        String api = apigw.createRestApi(b -> b.name("stages")).id();
        String root = apigw.getResources(b -> b.restApiId(api)).items().get(0).id();
        BadRequestException empty = assertThrows(BadRequestException.class, () -> apigw.createDeployment(b -> b.restApiId(api).stageName("prod")));
        assertEquals("The REST API doesn't contain any methods", empty.awsErrorDetails().errorMessage());
        apigw.putMethod(b -> b.restApiId(api).resourceId(root).httpMethod("GET").authorizationType("NONE"));
        assertThrows(BadRequestException.class, () -> apigw.createDeployment(b -> b.restApiId(api).stageName("prod")),
                "a method without an integration cannot be deployed");
        apigw.putIntegration(b -> b.restApiId(api).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));

        var deployment = apigw.createDeployment(b -> b.restApiId(api).stageName("prod").description("first").variables(Map.of("v", "1")));
        assertEquals("first", deployment.description());
        GetStageResponse prod = apigw.getStage(b -> b.restApiId(api).stageName("prod"));
        assertEquals(deployment.id(), prod.deploymentId());
        assertEquals(Map.of("v", "1"), prod.variables());
        assertEquals(1, apigw.getDeployments(b -> b.restApiId(api)).items().size());

        var dev = apigw.createStage(b -> b.restApiId(api).stageName("dev").deploymentId(deployment.id()).variables(Map.of("fn", "hello")));
        assertEquals("dev", dev.stageName());
        ConflictException exists = assertThrows(ConflictException.class,
                () -> apigw.createStage(b -> b.restApiId(api).stageName("dev").deploymentId(deployment.id())));
        assertEquals("Stage already exists", exists.awsErrorDetails().errorMessage());
        assertThrows(NotFoundException.class, () -> apigw.createStage(b -> b.restApiId(api).stageName("qa").deploymentId("nope")));
        assertEquals(2, apigw.getStages(b -> b.restApiId(api)).item().size());

        var updated = apigw.updateStage(b -> b.restApiId(api).stageName("dev").patchOperations(
                p -> p.op(Op.REPLACE).path("/variables/fn").value("other"),
                p -> p.op(Op.REPLACE).path("/variables/extra").value("x"),
                p -> p.op(Op.REPLACE).path("/description").value("development")));
        assertEquals(Map.of("fn", "other", "extra", "x"), updated.variables());
        assertEquals("development", updated.description());
        var removed = apigw.updateStage(b -> b.restApiId(api).stageName("dev").patchOperations(p -> p.op(Op.REMOVE).path("/variables/extra")));
        assertEquals(Map.of("fn", "other"), removed.variables());
        assertThrows(BadRequestException.class, () -> apigw.updateStage(b -> b.restApiId(api).stageName("dev")
                .patchOperations(p -> p.op(Op.REPLACE).path("/nonsense").value("x"))));
        var settings = apigw.updateStage(b -> b.restApiId(api).stageName("dev").patchOperations(
                p -> p.op(Op.REPLACE).path("/*/*/metrics/enabled").value("true"),
                p -> p.op(Op.REPLACE).path("/*/*/logging/loglevel").value("INFO"))).methodSettings().get("*/*");
        assertTrue(settings.metricsEnabled());
        assertEquals("INFO", settings.loggingLevel());
        assertEquals(5000, settings.throttlingBurstLimit(), "what was not set has AWS's default");
        assertThrows(BadRequestException.class, () -> apigw.updateStage(b -> b.restApiId(api).stageName("dev")
                .patchOperations(p -> p.op(Op.REPLACE).path("/*/*/metrics/nonsense").value("x"))));
        assertThrows(BadRequestException.class, () -> apigw.deleteDeployment(b -> b.restApiId(api).deploymentId(deployment.id())),
                "stages still use it");

        apigw.deleteStage(b -> b.restApiId(api).stageName("dev"));
        NotFoundException gone = assertThrows(NotFoundException.class, () -> apigw.getStage(b -> b.restApiId(api).stageName("dev")));
        assertEquals("Invalid stage identifier specified", gone.awsErrorDetails().errorMessage());
    }

    @Test
    void apiKeysUsagePlansAndTags(ApiGatewayClient apigw, dev.cloudjar.CloudJar cloudJar) throws Exception {
        String api = apigw.createRestApi(b -> b.name("keys")).id();
        String root = apigw.getResources(b -> b.restApiId(api)).items().get(0).id();
        apigw.putMethod(b -> b.restApiId(api).resourceId(root).httpMethod("GET").authorizationType("NONE").apiKeyRequired(true));
        apigw.putIntegration(b -> b.restApiId(api).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apigw.putMethodResponse(b -> b.restApiId(api).resourceId(root).httpMethod("GET").statusCode("200"));
        apigw.putIntegrationResponse(b -> b.restApiId(api).resourceId(root).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"keyed\": true}")));
        apigw.createDeployment(b -> b.restApiId(api).stageName("prod"));

        var key = apigw.createApiKey(b -> b.name("customer-1").enabled(true));
        assertTrue(key.enabled());
        assertTrue(key.value().length() >= 20);
        assertTrue(apigw.getApiKeys().items().stream().anyMatch(k -> k.id().equals(key.id()) && k.value() == null),
                "values are listed only when asked");
        assertTrue(apigw.getApiKeys(b -> b.includeValues(true)).items().stream().anyMatch(k -> key.value().equals(k.value())));

        var plan = apigw.createUsagePlan(b -> b.name("basic").apiStages(s -> s.apiId(api).stage("prod"))
                .throttle(t -> t.rateLimit(10.0).burstLimit(20)).quota(q -> q.limit(1000).period("MONTH")));
        assertEquals("basic", plan.name());
        assertEquals(1000, plan.quota().limit());
        assertThrows(BadRequestException.class, () -> apigw.createUsagePlan(b -> b.name("bad").apiStages(s -> s.apiId(api).stage("nope"))));
        assertTrue(apigw.getUsagePlans().items().stream().anyMatch(p -> p.id().equals(plan.id())));
        var planKey = apigw.createUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(key.id()).keyType("API_KEY"));
        assertEquals(key.id(), planKey.id());
        assertEquals("API_KEY", planKey.type());
        assertThrows(ConflictException.class, () -> apigw.createUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(key.id()).keyType("API_KEY")));
        assertThrows(NotFoundException.class, () -> apigw.createUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId("nope").keyType("API_KEY")));
        assertEquals(1, apigw.getUsagePlanKeys(b -> b.usagePlanId(plan.id())).items().size());

        var noKey = Invoke.get(Invoke.pathForm(cloudJar, api, "/prod/"));
        assertEquals(403, noKey.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", noKey.body());
        String outside = apigw.createApiKey(b -> b.name("not-in-a-plan").enabled(true)).value();
        assertEquals(403, Invoke.get(Invoke.pathForm(cloudJar, api, "/prod/"), "x-api-key", outside).statusCode());
        var keyed = Invoke.get(Invoke.pathForm(cloudJar, api, "/prod/"), "x-api-key", key.value());
        assertEquals(200, keyed.statusCode(), keyed.body());
        assertEquals("{\"keyed\": true}", keyed.body());

        String arn = "arn:aws:apigateway:us-east-1::/restapis/" + api;
        apigw.tagResource(b -> b.resourceArn(arn).tags(Map.of("env", "test", "owner", "me")));
        assertEquals(Map.of("env", "test", "owner", "me"), apigw.getTags(b -> b.resourceArn(arn)).tags());
        apigw.untagResource(b -> b.resourceArn(arn).tagKeys("owner"));
        assertEquals(Map.of("env", "test"), apigw.getTags(b -> b.resourceArn(arn)).tags());
        assertEquals(Map.of("env", "test"), apigw.getRestApi(b -> b.restApiId(api)).tags());
        String stageArn = arn + "/stages/prod";
        apigw.tagResource(b -> b.resourceArn(stageArn).tags(Map.of("s", "1")));
        assertEquals(Map.of("s", "1"), apigw.getStage(b -> b.restApiId(api).stageName("prod")).tags());
        assertThrows(NotFoundException.class, () -> apigw.tagResource(b -> b.resourceArn("arn:aws:apigateway:us-east-1::/restapis/nope")
                .tags(Map.of("a", "b"))));
        assertFalse(apigw.getTags(b -> b.resourceArn(stageArn)).tags().isEmpty());
    }
}
