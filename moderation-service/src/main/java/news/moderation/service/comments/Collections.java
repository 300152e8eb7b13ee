package news.moderation.service.comments;

import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The MongoDB collections of this package. */
@Component
class Collections {

    static final String COMMENTS = "comments";
    static final String QUEUE = "review_queue";
    /** Marks a queue entry whose decision is being applied: it is no longer offered, nor re-created. */
    static final String DECIDED = "DECIDED";

    private final ReactiveMongoTemplate mongo;

    Collections(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<MongoCollection<Document>> comments() {
        return mongo.getCollection(COMMENTS);
    }

    Mono<MongoCollection<Document>> queue() {
        return mongo.getCollection(QUEUE);
    }
}
