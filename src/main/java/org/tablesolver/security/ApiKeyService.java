package org.tablesolver.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tablesolver.floorplan.Ids;
import org.tablesolver.web.NotFoundException;
import org.tablesolver.web.Problems;

/** Creating, listing and revoking API keys (REST {@code /api/keys} and the CLI's {@code create-key}). */
@Service
public class ApiKeyService {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
    static final int MAX_RESTAURANTS = 1000;

    private final ApiKeyRepository repository;

    ApiKeyService(ApiKeyRepository repository) {
        this.repository = repository;
    }

    /** Creates a key; the answer holds its secret, which is stored only as a hash. 400 naming the field. */
    @Transactional
    public CreatedApiKey create(NewApiKey request) {
        Problems problems = new Problems();
        if (request == null) {
            problems.add("name", "is required").throwIfAny();
        }
        String name = request.name();
        if (problems.check(name != null && !name.isBlank(), "name", "is required")) {
            problems.check(name.length() <= 200, "name", "must be at most 200 characters");
        }
        List<Scope> scopes = new ArrayList<>();
        if (problems.check(request.scopes() != null && !request.scopes().isEmpty(), "scopes",
                "must name at least one scope of " + labels())) {
            for (int i = 0; i < request.scopes().size(); i++) {
                Scope scope = Scope.of(request.scopes().get(i));
                if (problems.check(scope != null, "scopes[" + i + "]", "must be one of " + labels())
                        && problems.check(!scopes.contains(scope), "scopes[" + i + "]", "is given twice")) {
                    scopes.add(scope);
                }
            }
        }
        List<String> restaurants = request.restaurants();
        if (restaurants != null) {
            if (problems.check(!scopes.contains(Scope.ADMIN), "restaurants",
                    "must be null for an admin key (admin covers every restaurant)")
                    && problems.check(!restaurants.isEmpty() && restaurants.size() <= MAX_RESTAURANTS, "restaurants",
                    "must be null (every restaurant) or list 1 to " + MAX_RESTAURANTS + " restaurant ids")) {
                Ids.checkRestaurants(restaurants, "restaurants", problems);
            }
        }
        problems.throwIfAny();
        String secret = Secrets.newSecret();
        ApiKey key = repository.insert(Secrets.newId(), name, Secrets.hash(secret), List.copyOf(scopes),
                restaurants == null ? null : List.copyOf(restaurants));
        log.info("API key {} created with scopes {}", key.id(), labels(key.scopes()));
        return CreatedApiKey.of(key, secret);
    }

    public List<ApiKey> list() {
        return repository.list();
    }

    /** Revokes a key: the next request with it is refused. 404 naming {@code keyId} when there is none. */
    @Transactional
    public void delete(String keyId) {
        if (!repository.delete(keyId)) {
            throw new NotFoundException("keyId", "API key '" + keyId + "' does not exist.");
        }
        log.info("API key {} revoked", keyId);
    }

    Optional<ApiKey> findBySecretHash(byte[] secretHash) {
        return repository.findBySecretHash(secretHash);
    }

    private static String labels() {
        return labels(Arrays.asList(Scope.values()));
    }

    private static String labels(List<Scope> scopes) {
        return scopes.stream().map(Scope::label).collect(Collectors.joining(", "));
    }
}
