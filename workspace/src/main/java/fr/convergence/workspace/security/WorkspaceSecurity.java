package fr.convergence.workspace.security;

import fr.convergence.tokens.VerifiedTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/**
 * The workspace is a resource server like every service: each request must carry a valid token of the programme's
 * identity provider (the gateway turns the browser's session into one). It keeps no session of its own. Spring's
 * CSRF filter is off because there is no cookie here to ride on; forms carry their own HMAC token instead
 * ({@link FormTokens}), because the browser's cookie does ride to the gateway.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceSecurity {

    static final String[] OPEN = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/espace/static/**",
            "/error"};

    @Bean
    JwtDecoder jwtDecoder(@Value("${convergence.security.issuer}") String issuer,
                          @Value("${convergence.security.jwk-set-uri:}") String jwkSetUri,
                          @Value("${convergence.security.verified-token-cache:5000}") int keep) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri.isBlank() ? issuer + "/oauth2/jwks" : jwkSetUri)
                .build();
        // issuer, keys and times, the platform's audience, and an access token (an ID token is refused)
        decoder.setJwtValidator(fr.convergence.tokens.PlatformAccessTokens.validator(issuer));
        // the same token memory as the services: one RS256 check per distinct token, not per page
        return keep > 0 ? new VerifiedTokens(decoder, keep, Clock.systemUTC()) : decoder;
    }

    @Bean
    SecurityFilterChain workspaceChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder))
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    FormTokens formTokens(@Value("${convergence.workspace.form-secret:}") String secret) {
        return new FormTokens(secret);
    }

    @Bean
    WebMvcConfigurer staffMemberParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new StaffMemberArgumentResolver());
            }
        };
    }
}
