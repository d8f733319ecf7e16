package org.tablesolver.security;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tablesolver.web.Statuses;

@RestController
@RequestMapping("/api/keys")
@Tag(name = "API keys", description = "Keys for booking systems, hosts and operators (admin only)")
class ApiKeyController {

    private final ApiKeyService service;

    ApiKeyController(ApiKeyService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "201 with the key's `secret`: the only time it is shown (only its hash is stored). "
                    + "`restaurants` null or absent: every restaurant.")
    @Statuses(success = 201)
    ResponseEntity<CreatedApiKey> create(@RequestBody NewApiKey request) {
        CreatedApiKey created = service.create(request);
        return ResponseEntity.created(URI.create("/api/keys/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", summary = "List API keys (never their secrets)")
    List<ApiKey> list() {
        return service.list();
    }

    @DeleteMapping("/{keyId}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key: refused from the next request on")
    @Statuses(success = 204)
    ResponseEntity<Void> delete(@PathVariable String keyId) {
        service.delete(keyId);
        return ResponseEntity.noContent().build();
    }
}
