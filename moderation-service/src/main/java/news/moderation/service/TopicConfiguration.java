package news.moderation.service;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Declares the topics so a fresh broker works; existing topics are left as they are. */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    KafkaAdmin.NewTopics moderationTopics(Topics topics) {
        return new KafkaAdmin.NewTopics(
                topic(topics.submitted(), topics),
                topic(topics.moderated(), topics),
                topic(topics.deadLetter(), topics),
                // one record per rule set, the latest activation: compaction keeps the topic as small as the state
                TopicBuilder.name(topics.rulesets()).partitions(1).replicas(topics.replicas()).compact().build());
    }

    private static NewTopic topic(String name, Topics topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }
}
