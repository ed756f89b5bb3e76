package fr.convergence.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who reads the gateway's operations endpoints (issue 21 finding 9). One port for the public API and the
 * endpoints, so the local one-command run, the platform tests and the orchestrators' probes keep working as they
 * are; the endpoints are guarded instead. Anyone may ask {@code /actuator/health} (and its liveness and readiness
 * groups, for load balancers and probes), which answers the status only, and {@code /actuator/info}. Every other
 * endpoint (routes, metrics, Prometheus) needs an {@code admin} token, except that Prometheus may scrape
 * {@code /actuator/prometheus}, and nothing else, with its own credential ({@link ScrapeCredential}).
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    static final String ADMIN = "admin";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)   // before the API's chain, which matches every other path
    SecurityWebFilterChain actuatorChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                         @Value("${convergence.gateway.metrics-scrape-password:}") String scrapePassword,
                                         @Value("${convergence.gateway.content-security-policy}") String csp) {
        ServerAuthenticationEntryPoint problem = (exchange, e) -> Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                "authentication-required", "the gateway's operations endpoints need an administrator's token");
        // the platform's role claim as the caller's authority: ROLE_admin, ROLE_cip, ...
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("role");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter byRole = new JwtAuthenticationConverter();
        byRole.setJwtGrantedAuthoritiesConverter(roles);
        http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**"))
                .authorizeExchange(a -> a.pathMatchers("/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness", "/actuator/info").permitAll()
                        .pathMatchers("/actuator/prometheus").hasAnyRole(ADMIN, ScrapeCredential.ROLE)
                        .anyExchange().hasRole(ADMIN))
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(byRole)))
                        .authenticationEntryPoint(problem))
                .httpBasic(b -> b.authenticationManager(new ScrapeCredential(scrapePassword))
                        .authenticationEntryPoint(problem))
                .exceptionHandling(x -> x.authenticationEntryPoint(problem)
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "role-not-allowed", "your role may not do this")))
                // every call carries its own credential: no session is read or written, so no cookie (hence no
                // CSRF) can stand for a caller here
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(h -> GatewaySecurity.securityHeaders(h, csp))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable);
        return http.build();
    }
}
