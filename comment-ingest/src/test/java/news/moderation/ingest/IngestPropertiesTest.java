package news.moderation.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class IngestPropertiesTest {

    static final String HASH = "62af8704764faf8ea82fc61ce9c4c3908b6cb97d463a634e9e587d7c885db0ef";

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void refusesToStartWithoutSiteKeysAndSaysHowToFixIt() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessage(
                    "no site API keys configured: set ingest.sites[0].site-id and ingest.sites[0].key-sha256, "
                            + "or run with the local profile");
        });
    }

    @Test
    void theShippedConfigurationAloneRefusesToStart() {
        runner.withInitializer(new ConfigDataApplicationContextInitializer()).run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessage(IngestProperties.NO_SITES));
    }

    @Test
    void theLocalProfileConfiguresTheDemoSite() {
        runner.withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.profiles.active=local")
                .run(context -> assertThat(context.getBean(IngestProperties.class).sites())
                        .extracting(IngestProperties.Site::siteId).containsExactly("demo-site"));
    }

    @Test
    void topicAndBodyLimitHaveDefaults() {
        runner.withPropertyValues("ingest.sites[0].site-id=test-site", "ingest.sites[0].key-sha256=" + HASH)
                .run(context -> {
                    var properties = context.getBean(IngestProperties.class);
                    assertThat(properties.topic()).isEqualTo("comments.submitted");
                    assertThat(properties.maxBodyBytes()).isEqualTo(65_536);
                    assertThat(properties.batch()).isEqualTo(new IngestProperties.Batch(500, 8_388_608));
                    assertThat(properties.publish().maxInFlight()).isEqualTo(1024);
                    assertThat(properties.sites().get(0).ratePerSecond()).isEqualTo(200);
                    assertThat(properties.sites().get(0).burst()).isEqualTo(400);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a zero rate           | ingest.sites[0].rate-per-second=0 | needs rate-per-second > 0 and burst >= 1",
            "a zero burst          | ingest.sites[0].burst=0           | needs rate-per-second > 0 and burst >= 1",
            "a zero batch count    | ingest.batch.max-items=0          | ingest.batch.max-items and .max-body-bytes must be positive",
            "no publish slots      | ingest.publish.max-in-flight=0    | ingest.publish.max-in-flight must be positive",
    })
    void refusesToStartWithALimitThatAdmitsNothing(String name, String property, String message) {
        runner.withPropertyValues("ingest.sites[0].site-id=test-site", "ingest.sites[0].key-sha256=" + HASH, property)
                .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message));
    }

    @Test
    void refusesToStartWhenTwoKeysOfOneSiteDisagreeOnItsRate() {
        runner.withPropertyValues(
                        "ingest.sites[0].site-id=one-site", "ingest.sites[0].key-sha256=" + HASH,
                        "ingest.sites[1].site-id=one-site", "ingest.sites[1].key-sha256=" + HASH.replace('6', '7'),
                        "ingest.sites[1].rate-per-second=50")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("ingest.sites[1] gives site one-site another rate-per-second or burst"));
    }

    @ParameterizedTest(name = "site-id={0}, key-sha256={1}")
    @CsvSource(delimiter = '|', value = {
            "test-site | test-key | key-sha256 must be the 64 hex digits",
            "test-site | " + HASH + "0 | key-sha256 must be the 64 hex digits",
            "Test Site | " + HASH + " | site-id must match",
            "''        | " + HASH + " | site-id must match",
    })
    void refusesToStartWithAMisconfiguredSite(String siteId, String keySha256, String message) {
        runner.withPropertyValues("ingest.sites[0].site-id=" + siteId, "ingest.sites[0].key-sha256=" + keySha256)
                .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message));
    }

    @Test
    void refusesToStartWhenOneKeyIsGivenToTwoSites() {
        runner.withPropertyValues(
                        "ingest.sites[0].site-id=one-site", "ingest.sites[0].key-sha256=" + HASH,
                        "ingest.sites[1].site-id=other-site", "ingest.sites[1].key-sha256=" + HASH.toUpperCase())
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("ingest.sites[1].key-sha256 is configured more than once"));
    }

    @EnableConfigurationProperties(IngestProperties.class)
    static class Config {
    }
}
