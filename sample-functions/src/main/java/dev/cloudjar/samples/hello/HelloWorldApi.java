package dev.cloudjar.samples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * The hello-world function of the serverless RESTful API workshop: behind API Gateway (REST API proxy
 * integration, or an HTTP API with payload format 1.0 or 2.0) it answers
 * {@code {"message": "Hello World returned in JSON"}} with status 200 and a JSON content type.
 */
public class HelloWorldApi implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        context.getLogger().log("HelloWorld called: " + request.getHttpMethod() + " " + request.getPath());
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"message\": \"Hello World returned in JSON\"}");
    }
}
