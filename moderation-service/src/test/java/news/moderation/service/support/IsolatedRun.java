package news.moderation.service.support;

import news.moderation.local.TestServices;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.function.Supplier;

/**
 * Points a test's application context at the test broker and database under names of its own (topics,
 * consumer group, database), so test classes, and runs against shared real services, never see each
 * other's data.
 *
 * <pre>{@code
 * static final IsolatedRun RUN = new IsolatedRun("flow");
 * @DynamicPropertySource
 * static void services(DynamicPropertyRegistry registry) { RUN.register(registry); }
 * }</pre>
 */
public record IsolatedRun(String name) {

    public IsolatedRun {
        name = TestServices.uniqueName(name);
    }

    public String submitted() {
        return name + ".submitted";
    }

    public String moderated() {
        return name + ".moderated";
    }

    public String deadLetter() {
        return name + ".submitted.DLT";
    }

    public String rulesets() {
        return name + ".rulesets";
    }

    public void register(DynamicPropertyRegistry registry) {
        register(registry, TestServices::mongoUri);
    }

    /** As {@link #register(DynamicPropertyRegistry)}, reaching MongoDB at {@code mongoUri} (e.g. through a relay). */
    public void register(DynamicPropertyRegistry registry, Supplier<Object> mongoUri) {
        registry.add("spring.kafka.bootstrap-servers", TestServices::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", mongoUri);
        registry.add("spring.mongodb.database", this::name);
        registry.add("spring.kafka.consumer.group-id", this::name);
        registry.add("moderation.topics.submitted", this::submitted);
        registry.add("moderation.topics.moderated", this::moderated);
        registry.add("moderation.topics.dead-letter", this::deadLetter);
        registry.add("moderation.topics.rulesets", this::rulesets);
    }
}
