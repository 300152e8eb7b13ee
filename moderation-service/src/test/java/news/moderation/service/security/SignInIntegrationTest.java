package news.moderation.service.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import news.moderation.service.support.IsolatedRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both ways in, side by side: HTTP Basic against configured users, and bearer tokens from a single sign-on
 * whose keys are served (as a real identity provider would) from a JWK set URL. Roles come from Keycloak's
 * nested {@code realm_access.roles} claim to show that the claim path is configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "moderation.security.users[0].username=mod",
        "moderation.security.users[0].password={noop}pw",
        "moderation.security.users[0].roles=MODERATOR",
        "moderation.security.users[1].username=boss",
        "moderation.security.users[1].password={noop}pw",
        "moderation.security.users[1].roles=ADMIN",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + SignInIntegrationTest.ISSUER,
        "moderation.security.jwt.roles-claim=realm_access.roles",
        "moderation.security.jwt.username-claim=preferred_username",
})
class SignInIntegrationTest {

    static final String ISSUER = "https://sso.example.test/realms/news";
    static final IsolatedRun RUN = new IsolatedRun("signin");
    static final RSAKey KEY = rsaKey();
    static final HttpServer JWKS = jwks(KEY);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RUN.register(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + JWKS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @LocalServerPort
    int port;
    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsProblemNamingBothWaysIn() {
        var result = http.get().uri("/api/v1/queue").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult();
        assertThat(result.getResponseHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                .anySatisfy(h -> assertThat(h).startsWith("Basic"))
                .anySatisfy(h -> assertThat(h).startsWith("Bearer"));
        assertThat(result.getResponseBody()).containsEntry("status", 401).containsEntry("instance", "/api/v1/queue");
    }

    @Test
    void aWrongPasswordIsRefused() {
        http.get().uri("/api/v1/queue").headers(h -> h.setBasicAuth("mod", "not-the-password")).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void basicModeratorsWorkTheQueueButCannotChangeAnAuthorsStatus() {
        http.get().uri("/api/v1/queue").headers(h -> h.setBasicAuth("mod", "pw")).exchange()
                .expectStatus().isOk().expectBody();
        http.post().uri("/api/v1/authors/a-1/status").headers(h -> h.setBasicAuth("mod", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "PREMOD")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void basicAdminsChangeAnAuthorsStatusUnderTheirName() {
        var author = "a-" + UUID.randomUUID();
        http.post().uri("/api/v1/authors/{a}/status", author).headers(h -> h.setBasicAuth("boss", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "PREMOD")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.history[0].by").isEqualTo("boss");
    }

    @Test
    void aTokenWithTheModeratorRoleWorksTheQueueButCannotChangeAnAuthorsStatus() {
        var token = token(claims("alice", List.of("moderator", "offline_access")).build());
        http.get().uri("/api/v1/queue").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody();
        http.post().uri("/api/v1/authors/a-2/status").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "PREMOD")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void aTokenWithTheAdminRoleActsUnderTheConfiguredUsernameClaim() {
        var author = "a-" + UUID.randomUUID();
        var token = token(claims("carol", List.of("ROLE_ADMIN")).build());
        http.post().uri("/api/v1/authors/{a}/status", author).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "TRUSTED", "reason", "staff"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.history[0].by").isEqualTo("carol");
    }

    @Test
    void aValidTokenWithoutAnyOfThisServicesRolesIsForbidden() {
        var token = token(claims("dave", List.of("reader", "uma_authorization")).build());
        http.get().uri("/api/v1/queue").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden().expectBody();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"expired", "other issuer", "unknown key", "not a token"})
    void anUntrustworthyTokenIsRefusedAsAnInvalidToken(String kind) {
        var claims = claims("mallory", List.of("admin"));
        var token = switch (kind) {
            case "expired" -> token(claims.issueTime(Date.from(Instant.now().minusSeconds(7200)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());
            case "other issuer" -> token(claims.issuer("https://evil.example.test").build());
            case "unknown key" -> sign(claims.build(), rsaKey());
            default -> "abc.def.ghi";
        };
        var headers = http.get().uri("/api/v1/queue").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().returnResult().getResponseHeaders();
        assertThat(headers.get(HttpHeaders.WWW_AUTHENTICATE)).contains("Bearer error=\"invalid_token\"");
    }

    @Test
    void probesMetricsAndTheOpenApiDocumentNeedNoCredentials() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody();
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/queue'].get").exists()
                .jsonPath("$.paths['/api/v1/comments/{commentId}/decision'].post").exists();
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void everythingElseIsDenied() {
        http.get().uri("/actuator/env").headers(h -> h.setBasicAuth("boss", "pw")).exchange()
                .expectStatus().isForbidden().expectBody();
    }

    static JWTClaimsSet.Builder claims(String user, List<String> roles) {
        var now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    static String token(JWTClaimsSet claims) {
        return sign(claims, KEY);
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The identity provider's JWK set endpoint, publishing the public half of {@code key}. */
    static HttpServer jwks(RSAKey key) {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            var body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
