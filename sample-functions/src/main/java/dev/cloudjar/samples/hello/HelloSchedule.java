package dev.cloudjar.samples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/**
 * A scheduled function (an EventBridge rule with {@code rate(1 minute)}): prints and returns what the
 * Scheduled Event says, so a caller can see the event bound to {@link ScheduledEvent}.
 */
public class HelloSchedule implements RequestHandler<ScheduledEvent, String> {
    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        String line = "Hello World from " + event.getSource() + " (" + event.getDetailType() + ") at " + event.getTime()
                + " for " + event.getResources();
        System.out.println(line);
        return line;
    }
}
