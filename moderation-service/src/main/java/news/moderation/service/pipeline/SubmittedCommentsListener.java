package news.moderation.service.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Consumes {@code comments.submitted} in batches on the container's own thread (never a WebFlux one),
 * and returns only once the batch is stored, so the container commits offsets after the store.
 */
@Component
class SubmittedCommentsListener {

    private final ModerationPipeline pipeline;
    private final PipelineProperties properties;

    SubmittedCommentsListener(ModerationPipeline pipeline, PipelineProperties properties) {
        this.pipeline = pipeline;
        this.properties = properties;
    }

    // idIsGroup = false: the group is spring.kafka.consumer.group-id (moderation-service), which the lag
    // autoscaler and the KafkaUser's ACL name; the listener's id alone would become the group otherwise
    @KafkaListener(id = "submitted-comments", idIsGroup = false,
            topics = "${moderation.topics.submitted:comments.submitted}", batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        pipeline.process(records, properties.batchTimeout());
    }
}
