package news.moderation.service.pipeline;

import news.moderation.contract.SubmittedDecoding;
import news.moderation.service.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Sends records that are not valid comments to the dead-letter topic with the reason in headers. */
@Component
class DeadLetters {

    /** The bounded reason, one of {@link SubmittedDecoding.Problem}. */
    static final String REASON_HEADER = "moderation-dlt-reason";
    /** Human-readable detail: the parser's message or the violated fields. */
    static final String DETAIL_HEADER = "moderation-dlt-detail";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Topics topics;

    DeadLetters(KafkaTemplate<String, byte[]> kafka, Topics topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    Mono<Void> send(ConsumerRecord<String, byte[]> original, SubmittedDecoding.Invalid why) {
        var record = new ProducerRecord<>(topics.deadLetter(), original.key(), original.value());
        var headers = record.headers();
        headers.add(REASON_HEADER, why.problem().name().getBytes(StandardCharsets.UTF_8));
        headers.add(DETAIL_HEADER, truncate(why.detail()).getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, original.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(original.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(original.offset()).array());
        return Mono.fromFuture(() -> kafka.send(record)).then();
    }

    private static String truncate(String detail) {
        var text = detail == null ? "" : detail;
        return text.length() > 1_000 ? text.substring(0, 1_000) : text;
    }
}
