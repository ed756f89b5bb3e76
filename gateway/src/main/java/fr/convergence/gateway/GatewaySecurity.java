package fr.convergence.gateway;

import fr.convergence.tokens.ReactiveVerifiedTokens;
import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway checks every call before routing it: API clients present a bearer token of the identity provider
 * (401 problem+json otherwise); people using the dashboard in a browser sign in through the provider and the
 * gateway relays their token to the services (TokenRelay in application.yml). The services check the token and
 * the caller's rights again: the gateway is a first line, not the only one.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    /**
     * Open without a token: the aggregated API description and the sign-in round trip. The operations endpoints
     * (/actuator/**) have their own chain, ActuatorSecurity.
     */
    static final String[] OPEN = {"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/login/**", "/oauth2/**",
            "/favicon.ico"};
    /** The workspace's pages and forms; their CSRF check is the workspace's (see securityChain). */
    static final String WORKSPACE_FORMS = "/espace/";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${convergence.security.issuer}") String issuer,
                                  @Value("${convergence.security.jwk-set-uri}") String jwkSetUri,
                                  @Value("${convergence.security.verified-token-cache:5000}") int keep,
                                  @Value("${convergence.security.verified-token-max-age:5m}") Duration maxAge,
                                  @Value("${convergence.security.jwk-set-min-refetch-interval:30s}") Duration refetch) {
        // Bounded key fetches: without a response timeout a stalled provider connection held the request that
        // triggered the fetch until the client gave up.
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                .responseTimeout(Duration.ofSeconds(5));
        // The memory is told when the provider's key set changes; it is built after the decoder it wraps.
        AtomicReference<Runnable> keysChanged = new AtomicReference<>(() -> { });
        // At most one key-set fetch per interval whatever key ids tokens name (issue 21 finding 10); after a failed
        // fetch the next is allowed after a second, so a gateway started before the provider recovers at once.
        ProviderKeys keys = new ProviderKeys(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build(),
                jwkSetUri.isBlank() ? issuer + "/oauth2/jwks" : jwkSetUri, refetch, Duration.ofSeconds(1),
                Clock.systemUTC(), () -> keysChanged.get().run());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor).build();
        // issuer, keys and times, the platform's audience, and an access token (an ID token is refused)
        decoder.setJwtValidator(fr.convergence.tokens.PlatformAccessTokens.validator(issuer));
        if (keep <= 0) {
            return decoder;
        }
        // each distinct bearer token is verified once and kept a few minutes at most, as in every service
        ReactiveVerifiedTokens tokens = new ReactiveVerifiedTokens(decoder, keep, maxAge, Clock.systemUTC());
        keysChanged.set(tokens::keysChanged);
        return tokens;
    }

    /**
     * Calls with a bearer token (scripts, the workspace's service calls, every API client): stateless. No session is
     * looked up or created, no CSRF token loaded, no sign-in round trip offered — the token is the whole credential,
     * so the chain only verifies it (issue 20 goal 4: a thin gateway). A request that also carries a session cookie is
     * judged by its token alone, as before (a bearer call was always exempt from the CSRF check).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)   // after the operations endpoints' chain, before the browser's
    SecurityWebFilterChain bearerChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                       @Value("${convergence.gateway.content-security-policy}") String csp) {
        http.securityMatcher(GatewaySecurity::bearerCall)
                .authorizeExchange(a -> a.pathMatchers(OPEN).permitAll().pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtDecoder(decoder)).authenticationEntryPoint(UNAUTHENTICATED))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .exceptionHandling(x -> x.authenticationEntryPoint(UNAUTHENTICATED).accessDeniedHandler(FORBIDDEN))
                .cors(Customizer.withDefaults())
                .headers(h -> securityHeaders(h, csp));
        return http.build();
    }

    static Mono<ServerWebExchangeMatcher.MatchResult> bearerCall(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private static final ServerAuthenticationEntryPoint UNAUTHENTICATED = (exchange, e) -> Problems.write(exchange,
            HttpStatus.UNAUTHORIZED, "authentication-required",
            "a valid bearer token of the programme's identity provider is required");
    private static final org.springframework.security.web.server.authorization.ServerAccessDeniedHandler FORBIDDEN =
            (exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "role-not-allowed", "your role may not do this");

    /** Browsers (and calls with no token at all): the session, the sign-in round trip, CSRF, the token relay. */
    @Bean
    SecurityWebFilterChain securityChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                           @Value("${convergence.gateway.content-security-policy}") String csp) {
        ServerAuthenticationEntryPoint problem = UNAUTHENTICATED;
        ServerWebExchangeMatcher browser = browserPageRequest();
        http.authorizeExchange(a -> a.pathMatchers(OPEN).permitAll().pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtDecoder(decoder)).authenticationEntryPoint(problem))
                .oauth2Login(Customizer.withDefaults())
                // A browser asking for a page is sent to sign in; an API client gets 401 problem+json.
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((exchange, e) -> browser.matches(exchange).flatMap(m -> m.isMatch()
                                ? new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/convergence")
                                        .commence(exchange, e)
                                : problem.commence(exchange, e)))
                        .accessDeniedHandler(FORBIDDEN))
                // Only a signed-in browser session rides on a cookie: protect its unsafe requests from CSRF.
                // Calls with a bearer token, or with no session cookie at all, carry no ambient credential.
                // The workspace's forms (/espace/**) carry the workspace's own token instead (an HMAC of the user and
                // the form's key, checked there before any service is called): this session's token never reaches
                // the workspace, which sees a bearer token only, so it could not put it in its forms.
                .csrf(c -> c.requireCsrfProtectionMatcher(exchange -> {
                    if (exchange.getRequest().getPath().value().startsWith(WORKSPACE_FORMS)) {
                        return ServerWebExchangeMatcher.MatchResult.notMatch();
                    }
                    boolean unsafe = !SAFE.contains(exchange.getRequest().getMethod());
                    // only a bearer token exempts: a Basic (or any other) header rides along with the cookie too
                    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                    boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
                    boolean session = exchange.getRequest().getCookies().containsKey("SESSION");
                    return unsafe && !bearer && session ? ServerWebExchangeMatcher.MatchResult.match()
                            : ServerWebExchangeMatcher.MatchResult.notMatch();
                }).accessDeniedHandler((exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "csrf",
                        "this page's request lacks its CSRF token; reload the page")))
                .cors(Customizer.withDefaults())
                .headers(h -> securityHeaders(h, csp));
        return http.build();
    }

    /** The security headers of every answer, the operations endpoints' included (ActuatorSecurity). */
    static void securityHeaders(ServerHttpSecurity.HeaderSpec headers, String csp) {
        headers.contentSecurityPolicy(p -> p.policyDirectives(csp))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicy(p -> p.policy("camera=(), microphone=(), geolocation=()"));
    }

    /**
     * The browser session's cookie: HttpOnly, SameSite=Lax (sent on the provider's top-level redirect back to the
     * gateway, never on a cross-site sub-request) and Secure on https requests — and on every request with
     * {@code SECURE_COOKIES=true} (compose and Kubernetes), for a TLS proxy that does not say it terminated TLS.
     */
    @Bean
    WebSessionIdResolver webSessionIdResolver(@Value("${convergence.gateway.secure-cookies:false}") boolean secure) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.addCookieInitializer(cookie -> {
            cookie.httpOnly(true).sameSite("Lax").path("/");
            if (secure) {
                cookie.secure(true);   // otherwise the resolver's own rule: Secure when the request came over https
            }
        });
        return resolver;
    }

    /** Restricted CORS: only the origins configured (none by default: the dashboard is served same-origin). */
    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${convergence.gateway.cors-allowed-origins:}") String origins) {
        CorsConfiguration cors = new CorsConfiguration();
        List<String> allowed = Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        cors.setAllowedOrigins(allowed);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", CorrelationIdFilter.HEADER));
        cors.setExposedHeaders(List.of(CorrelationIdFilter.HEADER, "Retry-After"));
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    private static ServerWebExchangeMatcher browserPageRequest() {
        MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return exchange -> exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null
                ? ServerWebExchangeMatcher.MatchResult.notMatch() : html.matches(exchange);
    }
}
