package news.moderation.service;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "news.moderation.service", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ruleEngineIsPlainJava = noClasses()
            .that().resideInAPackage("news.moderation.service.rules..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "reactor..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                    "io.micrometer..")
            .because("the engine runs in the service, the offline command and benchmarks alike");

    @ArchTest
    static final ArchRule ruleEngineDoesNotReachIntoTheService = noClasses()
            .that().resideInAPackage("news.moderation.service.rules..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "news.moderation.service.comments..", "news.moderation.service.pipeline..",
                    "news.moderation.service.queue..", "news.moderation.service.security..");

    @ArchTest
    static final ArchRule domainCodeReadsTheInjectedClock = noClasses()
            .that().resideOutsideOfPackage("news.moderation.service")
            .should().callMethod(java.time.Instant.class, "now")
            .because("time comes from the injected Clock so tests can control it");
}
