package dev.cloudjar.samples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Greets the {@code name} it is given and says so in its log, through {@code System.out} and the
 * Lambda logger: the lines CloudWatch Logs shows under {@code /aws/lambda/<function>}.
 */
public class HelloLogs implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        Object name = input == null ? null : input.get("name");
        String who = name == null ? "world" : name.toString();
        System.out.println("Greeting " + who);
        context.getLogger().log("{\"level\":\"INFO\",\"greeted\":\"" + who.replace("\"", "'") + "\",\"stream\":\""
                + context.getLogStreamName() + "\"}\n");
        return "Hello, " + who + "!";
    }
}
