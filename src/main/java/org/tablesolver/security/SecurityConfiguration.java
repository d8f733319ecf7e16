package org.tablesolver.security;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.tablesolver.web.ProblemResponses;

/**
 * Spring Security for the REST API (src/docs/api.md "Authentication"): every {@code /api/**} request carries
 * {@code Authorization: Bearer <key>} (Spring's resource-server bearer filter with {@link ApiKeyIntrospector});
 * each operation needs a scope, and a key limited to restaurants may touch only those ({@code {restaurantId}}
 * of the path here, the others in the controllers through {@link RestaurantAccess}). Refusals are
 * {@code application/problem+json}: 401 with {@code WWW-Authenticate: Bearer}, 403 saying what is missing.
 * Health (status only), the OpenAPI description and Swagger UI are public; the rest of actuator is admin's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** The request attribute in which an authorization refusal leaves what was missing. */
    private static final String DENIAL = SecurityConfiguration.class.getName() + ".denial";
    private static final String RESTAURANT = "/api/restaurants/{restaurantId}";

    @Bean
    ApiKeyIntrospector apiKeyIntrospector(Environment environment, ApiKeyService keys) {
        return new ApiKeyIntrospector(AdminKey.from(environment), keys);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyIntrospector introspector, ObjectMapper objectMapper)
            throws Exception {
        AuthenticationEntryPoint entryPoint = unauthorized(objectMapper);
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(server -> server
                        .opaqueToken(token -> token.introspector(introspector))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(forbidden(objectMapper)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(forbidden(objectMapper)))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").access(scoped(Scope.ADMIN))
                        // administration
                        .requestMatchers("/api/keys", "/api/keys/**", "/api/import", "/api/webhooks", "/api/webhooks/**")
                        .access(scoped(Scope.ADMIN))
                        .requestMatchers(HttpMethod.PUT, RESTAURANT).access(scoped(Scope.ADMIN))
                        // booking systems
                        .requestMatchers(HttpMethod.GET, RESTAURANT + "/days/{date}/availability",
                                RESTAURANT + "/availability/calendar",
                                RESTAURANT + "/bookings/**", RESTAURANT + "/holds", RESTAURANT + "/holds/**")
                        .access(scoped(Scope.READ, Scope.BOOK))
                        .requestMatchers(HttpMethod.POST, RESTAURANT + "/bookings/{bookingId}/seat",
                                RESTAURANT + "/bookings/{bookingId}/complete", RESTAURANT + "/bookings/{bookingId}/no-show",
                                RESTAURANT + "/walk-ins").access(scoped(Scope.HOST))
                        .requestMatchers(HttpMethod.PUT, RESTAURANT + "/bookings/{bookingId}/seating")
                        .access(scoped(Scope.HOST))
                        // changes and cancellations come from booking systems and hosts alike
                        .requestMatchers(HttpMethod.PATCH, RESTAURANT + "/bookings/{bookingId}")
                        .access(scoped(Scope.BOOK, Scope.HOST))
                        .requestMatchers(HttpMethod.DELETE, RESTAURANT + "/bookings/{bookingId}")
                        .access(scoped(Scope.BOOK, Scope.HOST))
                        .requestMatchers(RESTAURANT + "/bookings", RESTAURANT + "/bookings/**", RESTAURANT + "/holds",
                                RESTAURANT + "/holds/**").access(scoped(Scope.BOOK))
                        // solving
                        .requestMatchers(HttpMethod.POST, RESTAURANT + "/days/{date}/solve").access(scoped(Scope.SOLVE))
                        .requestMatchers(HttpMethod.GET, "/api/solves", "/api/solves/**")
                        .access(scoped(Scope.READ, Scope.SOLVE))
                        .requestMatchers("/api/solves/**").access(scoped(Scope.SOLVE))
                        .requestMatchers(HttpMethod.GET, "/api/batches/**").access(scoped(Scope.READ, Scope.SOLVE))
                        .requestMatchers(HttpMethod.POST, "/api/batches").access(scoped(Scope.SOLVE))
                        // reading
                        .requestMatchers(HttpMethod.GET, "/api/restaurants", RESTAURANT, RESTAURANT + "/**")
                        .access(scoped(Scope.READ))
                        // anything else of the API (new operations start closed)
                        .requestMatchers("/api/**").access(scoped(Scope.ADMIN))
                        .anyRequest().permitAll());
        return http.build();
    }

    /**
     * Grants the request when its key holds one of {@code anyOf} and, when the path names a restaurant, the key
     * may see that restaurant; otherwise leaves the reason for {@link #forbidden}.
     */
    private static AuthorizationManager<RequestAuthorizationContext> scoped(Scope... anyOf) {
        return (authentication, context) -> {
            Authentication current = authentication.get();
            if (current == null || !(current.getPrincipal() instanceof ApiKeyPrincipal key)) {
                return new AuthorizationDecision(false);
            }
            HttpServletRequest request = context.getRequest();
            if (Arrays.stream(anyOf).noneMatch(key::has)) {
                request.setAttribute(DENIAL, "This API key lacks the scope " + labels(anyOf) + " this request needs "
                        + "(it has: " + key.scopes().stream().map(Scope::label).sorted().collect(Collectors.joining(", "))
                        + ").");
                return new AuthorizationDecision(false);
            }
            String restaurantId = context.getVariables().get("restaurantId");
            if (restaurantId != null && !key.allowsRestaurant(restaurantId)) {
                request.setAttribute(DENIAL, "This API key is not allowed restaurant '" + restaurantId + "'.");
                return new AuthorizationDecision(false);
            }
            return new AuthorizationDecision(true);
        };
    }

    private static String labels(Scope... scopes) {
        return Arrays.stream(scopes).map(scope -> "'" + scope.label() + "'").collect(Collectors.joining(" or "));
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper objectMapper) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            boolean sentKey = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
            write(objectMapper, request, response, HttpStatus.UNAUTHORIZED, sentKey
                    ? "The API key is unknown or revoked (send 'Authorization: Bearer <key>')."
                    : "This request needs an API key: send 'Authorization: Bearer <key>' (src/docs/api.md 'Authentication').");
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper objectMapper) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            Object denial = request.getAttribute(DENIAL);
            write(objectMapper, request, response, HttpStatus.FORBIDDEN,
                    denial != null ? denial.toString() : "This API key may not do this.");
        };
    }

    private static void write(ObjectMapper objectMapper, HttpServletRequest request, HttpServletResponse response,
                              HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ProblemDetail problem = ProblemResponses.problem(status, detail, List.of());
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // leave instance out rather than fail the refusal
        }
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
