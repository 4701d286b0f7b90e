package dev.cloudjar.samples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** The smallest useful function: greets the {@code name} it is given. */
public class HelloWorld implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        Object name = input == null ? null : input.get("name");
        return "Hello, " + (name == null ? "world" : name) + "!";
    }
}
