package fr.convergence.kit.security;

import fr.convergence.kit.web.ProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;

/**
 * Every service is an OAuth2 resource server: a request needs a valid token of the configured issuer (401
 * otherwise), and each route declares the roles it admits with {@code @PreAuthorize} (403 otherwise). Only
 * health, metrics and the API description are open, for probes, Prometheus and the gateway's Swagger UI.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityKitConfiguration {

    /** Paths reachable without a token: probes, scraping and the OpenAPI documents (no data). */
    public static final String[] OPEN_PATHS = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecuritySettings settings) {
        // Keys are fetched on the first token and cached, so a service starts before its identity provider.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        // issuer, keys and times, the platform's audience, and an access token (an ID token is refused)
        decoder.setJwtValidator(fr.convergence.tokens.PlatformAccessTokens.validator(settings.issuer()));
        return settings.verifiedTokenCache() > 0
                ? new fr.convergence.tokens.VerifiedTokens(decoder, settings.verifiedTokenCache(), java.time.Clock.systemUTC()) : decoder;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, JsonMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(OPEN_PATHS).permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new CallerTokens()))
                        .authenticationEntryPoint((request, response, e) -> write(json, request, response,
                                HttpStatus.UNAUTHORIZED, "authentication-required",
                                "a valid bearer token of the programme's identity provider is required")))
                .exceptionHandling(x -> x.accessDeniedHandler((request, response, e) -> write(json, request,
                        response, HttpStatus.FORBIDDEN, "role-not-allowed", "your role may not do this")));
        return http.build();
    }

    @Bean
    WebMvcConfigurer callerParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
                              HttpStatus status, String rule, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        json.writeValue(response.getOutputStream(), ProblemHandler.body(status, rule, detail, List.of(), request));
    }
}
