package fr.convergence.idp;

import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorizations in progress (codes, tokens) of the demo provider, one caller at a time. The in-memory service
 * Spring Authorization Server provides is meant for tests: under concurrent token requests its lookup threw
 * ConcurrentModificationException (8 of 44 simultaneous sign-ins failed with a 500 on /oauth2/token; two of them
 * cost the demo two people). Sign-ins are rare and short, so serialising them costs nothing that matters.
 */
final class SerializedAuthorizations implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public synchronized OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }
}
