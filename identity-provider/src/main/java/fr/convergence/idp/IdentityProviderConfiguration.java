package fr.convergence.idp;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server with the platform's claims: every access and ID token says who the person is
 * ({@code sub}), their {@code role}, and where they work ({@code territories}, and {@code territory} when that is
 * one; {@code aci}) or that they work nationally ({@code national}).
 */
@Configuration(proxyBeanMethods = false)
class IdentityProviderConfiguration {

    @Bean
    DemoDirectory demoDirectory() {
        return new DemoDirectory("demo-directory.yml");
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /** Thread-safe: the framework's in-memory default failed under concurrent sign-ins. */
    @Bean
    org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService authorizationService() {
        return new SerializedAuthorizations();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${convergence.idp.key-file:}") String keyFile) {
        return new ImmutableJWKSet<>(SigningKey.load(keyFile));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(DemoDirectory directory) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            if (accessToken) {
                // for the platform's APIs, and marked as an access token: the ID token keeps its client audience
                // and no token_use, so a resource server can refuse it (PlatformAccessTokens)
                context.getClaims().audience(java.util.List.of(fr.convergence.tokens.PlatformAccessTokens.AUDIENCE))
                        .claim(fr.convergence.tokens.PlatformAccessTokens.TOKEN_USE,
                                fr.convergence.tokens.PlatformAccessTokens.ACCESS);
            }
            directory.find(context.getPrincipal().getName()).ifPresent(user -> {
                context.getClaims().claim("role", user.role()).claim("name", user.name());
                if (user.national()) {
                    // said, not implied: a token that merely lacks its territory is refused everything
                    context.getClaims().claim("national", true);
                } else {
                    // territories always lists where the person works; territory names it too when it is one
                    // place only, and is left out for a portfolio: a reader that knows only territory then sees
                    // nothing rather than one of the portfolio's territories picked at random
                    context.getClaims().claim("territories", user.territories());
                    if (user.territories().size() == 1) {
                        context.getClaims().claim("territory", user.territories().get(0));
                    }
                }
                if (user.aci() != null) {
                    context.getClaims().claim("aci", user.aci());
                }
            });
        };
    }
}
