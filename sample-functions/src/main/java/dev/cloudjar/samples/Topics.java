package dev.cloudjar.samples;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;

/** Finds a topic's ARN by name through ListTopics, as the seed functions do. */
public final class Topics {
    private Topics() {
    }

    public static String arnOf(SnsClient sns, String name) {
        for (Topic topic : sns.listTopicsPaginator().topics()) {
            if (topic.topicArn().toLowerCase().endsWith(":" + name.toLowerCase())) {
                return topic.topicArn();
            }
        }
        throw new IllegalStateException("Topic " + name + " not found");
    }
}
