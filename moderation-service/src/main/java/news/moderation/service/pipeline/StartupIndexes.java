package news.moderation.service.pipeline;

import news.moderation.service.comments.CommentStore;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Creates MongoDB indexes before the listener starts consuming. */
@Component
class StartupIndexes implements SmartInitializingSingleton {

    private final CommentStore store;

    StartupIndexes(CommentStore store) {
        this.store = store;
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.createIndexes().block(Duration.ofSeconds(60));
    }
}
