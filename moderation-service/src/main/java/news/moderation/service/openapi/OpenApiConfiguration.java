package news.moderation.service.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}) describing the
 * moderators' API: both ways to sign in, so "Try it out" works with either.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI moderationApi(ObjectProvider<BuildProperties> build) {
        var version = build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info().title("Comment moderation: review queue API").version(version)
                        .description("""
                                The review queue for moderators, comment and thread detail, authors' records and \
                                queue statistics. Roles: MODERATOR (queue, decisions, claims, stream) and ADMIN \
                                (also authors' status). Every error is application/problem+json (RFC 9457); a \
                                decision on a stale version answers 409 with the comment's current state."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Users from moderation.security.users"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("A token from the site's single sign-on")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
