package dev.cloudjar.samples.clicks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A click-stream counter fed by a Kinesis event source mapping: each record's data is the page that
 * was clicked; the counts live in the warm execution environment (one batch per shard at a time, so
 * no locking is needed within a shard) and each batch logs the running totals, e.g.
 * {@code clicks /cart=1 /home=2}. Returns how many records the batch held.
 */
public class ClickCounter implements RequestHandler<KinesisEvent, Integer> {
    private final Map<String, Integer> counts = new TreeMap<>();

    @Override
    public Integer handleRequest(KinesisEvent event, Context context) {
        for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
            String page = StandardCharsets.UTF_8.decode(record.getKinesis().getData().duplicate()).toString().strip();
            counts.merge(page, 1, Integer::sum);
        }
        StringBuilder line = new StringBuilder("clicks");
        counts.forEach((page, n) -> line.append(' ').append(page).append('=').append(n));
        System.out.println(line);
        return event.getRecords().size();
    }
}
