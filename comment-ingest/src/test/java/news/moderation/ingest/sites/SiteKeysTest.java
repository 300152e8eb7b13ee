package news.moderation.ingest.sites;

import news.moderation.ingest.IngestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SiteKeysTest {

    final SiteKeys keys = new SiteKeys(new IngestProperties("comments.submitted", List.of(
            site("daily-news", "daily-key"),
            site("evening-post", "evening-key"),
            // rotation: the old and the new key of one site both work
            site("evening-post", "evening-key-2026")), 65_536,
            IngestProperties.Batch.DEFAULT, IngestProperties.Publish.DEFAULT));

    @Test
    void aKeyResolvesToItsSite() {
        assertThat(keys.siteFor("daily-key")).contains(new AuthenticatedSite("daily-news"));
        assertThat(keys.siteFor("evening-key")).contains(new AuthenticatedSite("evening-post"));
        assertThat(keys.siteFor("evening-key-2026")).contains(new AuthenticatedSite("evening-post"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"unknown", "daily-key ", "DAILY-KEY"})
    void anythingElseResolvesToNoSite(String presented) {
        assertThat(keys.siteFor(presented)).isEmpty();
    }

    @Test
    void theStoredHashIsNotItselfAKey() {
        assertThat(keys.siteFor(HexFormat.of().formatHex(SiteKeys.sha256("daily-key")))).isEmpty();
    }

    @Test
    void underTheLocalProfileDemoSiteKeyResolvesToTheDemoSite() {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.profiles.active=local")
                .withUserConfiguration(Config.class)
                .withBean(SiteKeys.class)
                .run(context -> assertThat(context.getBean(SiteKeys.class).siteFor("demo-site-key"))
                        .contains(new AuthenticatedSite("demo-site")));
    }

    @EnableConfigurationProperties(IngestProperties.class)
    static class Config {
    }

    private static IngestProperties.Site site(String siteId, String key) {
        return new IngestProperties.Site(siteId, HexFormat.of().formatHex(SiteKeys.sha256(key)), 200, 400);
    }
}
