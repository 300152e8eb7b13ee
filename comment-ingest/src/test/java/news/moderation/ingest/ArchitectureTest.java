package news.moderation.ingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "news.moderation.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule timeComesFromTheInjectedClock = noClasses()
            .should().callMethod(java.time.Instant.class, "now")
            .because("receivedAt comes from the injected Clock so tests can control it");

    @ArchTest
    static final ArchRule parsingAndCleaningArePlainJava = noClasses()
            .that().resideInAnyPackage("news.moderation.ingest.parsing..", "news.moderation.ingest.cleaning..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "reactor..", "org.apache.kafka..", "io.micrometer..")
            .because("parsing, cleaning and validation are tested table-driven, without a server, "
                    + "and the importer uses them without Spring");

    @ArchTest
    static final ArchRule theImporterRunsWithoutSpring = noClasses()
            .that().resideInAPackage("news.moderation.ingest.importer..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..")
            .because("import runs before and instead of the Spring application");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoTheWebLayer = noClasses()
            .that().resideInAnyPackage("news.moderation.ingest.parsing..", "news.moderation.ingest.cleaning..",
                    "news.moderation.ingest.importer..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "news.moderation.ingest.submission..", "news.moderation.ingest.sites..");

    @ArchTest
    static final ArchRule outcomesKnowNoFeature = noClasses()
            .that().resideInAPackage("news.moderation.ingest.outcome..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "news.moderation.ingest.sites..", "news.moderation.ingest.submission..");

    @ArchTest
    static final ArchRule authenticationDoesNotKnowWhatItGuards = noClasses()
            .that().resideInAPackage("news.moderation.ingest.sites..")
            .should().dependOnClassesThat().resideInAPackage("news.moderation.ingest.submission..");
}
