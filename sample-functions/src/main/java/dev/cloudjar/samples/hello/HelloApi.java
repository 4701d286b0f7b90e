package dev.cloudjar.samples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/** An API Gateway (REST, proxy integration) handler: greets {@code ?name=} with a JSON body. */
public class HelloApi implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        Map<String, String> query = request.getQueryStringParameters();
        String name = query == null || query.get("name") == null ? "world" : query.get("name");
        String body = "{\"message\":\"Hello, " + name.replace("\\", "\\\\").replace("\"", "\\\"") + "!\","
                + "\"method\":\"" + request.getHttpMethod() + "\",\"path\":\"" + request.getPath() + "\"}";
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body);
    }
}
