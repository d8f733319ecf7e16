package org.tablesolver.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI description at {@code /v3/api-docs}: the bearer scheme on every operation, one
 * {@code Problem} schema ({@code application/problem+json}) for every error, and each operation's real
 * statuses ({@link Statuses} where they cannot be inferred). {@code OpenApiContractTest} validates real
 * responses of every endpoint against it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";

    /** The {@link Statuses#body()} types met while describing operations, for {@link #models()}. */
    private final Set<Class<?>> bodyTypes = Collections.synchronizedSet(new LinkedHashSet<>());
    /** The answers' and the request bodies' types met while describing operations, for {@link #fieldRules()}. */
    private final Set<java.lang.reflect.Type> answerTypes = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Set<java.lang.reflect.Type> requestTypes = Collections.synchronizedSet(new LinkedHashSet<>());

    @Bean
    OpenAPI tableSolverOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("table-solver")
                        .version("v1")
                        .description("Floor plans, bookings, holds and whole-day table assignment for restaurants. "
                                + "Every request needs `Authorization: Bearer <API key>` (src/docs/api.md, \"Authentication\"). "
                                + "Every error is an RFC 9457 application/problem+json body with `field` (the first "
                                + "offending field as a JSON path) and `errors` (all of them). Request bodies are "
                                + "strict: unknown properties, wrong JSON types and date-times with an offset are "
                                + "refused with 400 naming the field."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("An API key: the admin key, or one made with POST /api/keys"))
                        .addSchemas("FieldProblem", new ObjectSchema()
                                .addProperty("field", new StringSchema().description("JSON path of the field"))
                                .addProperty("message", new StringSchema())
                                .required(List.of("field", "message")))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                // The service itself, wherever it is reached (not the URL of the request that read the description).
                .servers(List.of(new Server().url("/").description("this table-solver service")));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The request's path, relative to the service"))
                .addProperty("field", allowNull(new StringSchema()
                        .description("The first offending field (JSON path), or null")))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem")))
                .addProperty("code", new StringSchema().description("Why a booking was refused (online booking)"))
                .addProperty("alternatives", new ArraySchema().items(new StringSchema().example("2026-12-04T19:30:00"))
                        .description("Start times nearby that are available, local to the restaurant (online booking)"))
                .addProperty("bookings", new ArraySchema().items(new StringSchema())
                        .description("The bookings in the way (host actions)"))
                .addProperty("holds", new ArraySchema().items(new StringSchema())
                        .description("The holds in the way (host actions): table holds on the seating, or "
                                + "capacity holds the action would leave without room"))
                .addProperty("waitMinutes", allowNull(new IntegerSchema()
                        .description("A walk-in's quoted wait: the earliest start within 3 hours, null if none")))
                .addProperty("solveId", new StringSchema()
                        .description("The solve the problem is about (solving): GET /api/solves/{solveId} tells its end"))
                .required(List.of("type", "title", "status", "detail", "errors"));
    }

    /** Each operation's statuses: its successes ({@link Statuses}) and its errors, all with the problem schema. */
    @Bean
    OperationCustomizer statuses() {
        return (operation, handlerMethod) -> {
            Statuses declared = handlerMethod.getMethodAnnotation(Statuses.class);
            answerTypes.add(handlerMethod.getReturnType().getGenericParameterType());
            if (declared != null && declared.body() != Void.class) {
                answerTypes.add(declared.body());
            }
            io.swagger.v3.oas.annotations.Operation described =
                    handlerMethod.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (described != null) {
                for (io.swagger.v3.oas.annotations.media.Content content : described.requestBody().content()) {
                    if (content.schema().implementation() != Void.class) {
                        requestTypes.add(content.schema().implementation());
                    }
                }
            }
            for (org.springframework.core.MethodParameter parameter : handlerMethod.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
                    requestTypes.add(parameter.getGenericParameterType());
                }
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            ApiResponse ok = responses.get("200");
            Content okContent = ok == null ? null : json(ok.getContent());
            if (declared != null && declared.body() != Void.class) {
                bodyTypes.add(declared.body());
                okContent = new Content().addMediaType(JSON, new MediaType().schema(
                        new Schema<>().$ref("#/components/schemas/" + declared.body().getSimpleName())));
            }
            ApiResponses documented = new ApiResponses();
            for (int status : declared == null ? new int[] {200} : declared.success()) {
                ApiResponse response = new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase());
                if (status != 204 && okContent != null) {
                    response.content(okContent);
                }
                documented.addApiResponse(Integer.toString(status), response);
            }
            // 503 on every operation: the database unreachable (Retry-After; for a write, its outcome may be unknown)
            TreeSet<Integer> errors = new TreeSet<>(List.of(401, 403, 503));
            boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
            boolean body = operation.getRequestBody() != null;
            boolean pathVariables = parameters && operation.getParameters().stream()
                    .anyMatch(parameter -> "path".equals(parameter.getIn()));
            if (parameters || body) {
                errors.add(400);
            }
            if (pathVariables) {
                errors.add(404);
            }
            if (body) {
                errors.add(413);
                errors.add(415);
            }
            if (declared != null) {
                for (int error : declared.errors()) {
                    errors.add(error);
                }
            }
            for (int error : errors) {
                documented.addApiResponse(Integer.toString(error), new ApiResponse()
                        .description(HttpStatus.valueOf(error).getReasonPhrase())
                        .content(new Content().addMediaType(PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
            documented.forEach(OpenApiConfiguration::declareHeaders);
            operation.setResponses(documented);
            return operation;
        };
    }

    /** The bodies that come with their version as {@code ETag} (for {@code If-Match}). */
    private static final Set<String> VERSIONED = Set.of("Booking", "ConfirmedBooking");

    /**
     * The headers an answer carries: {@code WWW-Authenticate} on 401, {@code Retry-After} on 429 and 503,
     * {@code Location} on 201 (the created resource) and {@code ETag} with a booking (its version).
     */
    private static void declareHeaders(String status, ApiResponse response) {
        switch (status) {
            case "401" -> header(response, "WWW-Authenticate", true, "Bearer: send an API key");
            case "429", "503" -> header(response, "Retry-After", true, "Seconds to wait before asking again");
            case "201" -> header(response, "Location", false, "The created resource");
            default -> {
            }
        }
        Content content = response.getContent();
        MediaType body = content == null ? null : content.get(JSON);
        String ref = body == null || body.getSchema() == null ? null : body.getSchema().get$ref();
        if (ref != null && status.startsWith("2") && VERSIONED.contains(ref.substring(ref.lastIndexOf('/') + 1))) {
            header(response, "ETag", false, "The booking's version, for If-Match");
        }
    }

    private static void header(ApiResponse response, String name, boolean required, String description) {
        response.addHeaderObject(name, new io.swagger.v3.oas.models.headers.Header().required(required)
                .description(description).schema(new StringSchema()));
    }

    /** Success bodies are {@code application/json} (springdoc's default is any type). */
    private static Content json(Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        MediaType first = content.values().iterator().next();
        return new Content().addMediaType(JSON, first);
    }

    /** Adds the models of {@link Statuses#body()} types, which springdoc does not see from the return type. */
    /** A local date-time as the API writes and reads it: no offset, seconds optional. */
    static final String LOCAL_DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";

    /**
     * What Swagger's models of the API's records leave out: which fields may be null (a component marked
     * {@code @Schema(nullable = true)}: OpenAPI 3.1 wants "null" among the types, which Swagger does not write),
     * that an answer always has every field (Jackson writes them all, nulls too, but for those written only when
     * set), that a request body refuses unknown properties (StrictJson), and the form of local date-times.
     */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    OpenApiCustomizer fieldRules() {
        return openApi -> {
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            if (schemas == null) {
                return;
            }
            Set<Class<?>> answers = records(answerTypes);
            Set<Class<?>> requests = records(requestTypes);
            Set<Class<?>> all = new LinkedHashSet<>(answers);
            all.addAll(requests);
            for (Class<?> model : all) {
                Schema<?> schema = schemas.get(schemaName(model));
                if (schema == null || schema.getProperties() == null) {
                    continue;
                }
                Map<String, Schema> properties = schema.getProperties();
                List<String> required = new java.util.ArrayList<>();
                for (RecordComponent component : components(model)) {
                    Schema<?> property = properties.get(component.getName());
                    if (property == null) {
                        continue;
                    }
                    if (component.getType() == java.time.LocalDateTime.class && property.get$ref() == null) {
                        property.setPattern(LOCAL_DATE_TIME);
                    }
                    if (nullable(component) || (requests.contains(model) && optionalInRequests(component))) {
                        properties.put(component.getName(), allowNull(property));
                    }
                    if (alwaysWritten(component)) {
                        required.add(component.getName());
                    }
                }
                if (answers.contains(model) && !requests.contains(model)) {
                    schema.setRequired(required);
                }
                if (requests.contains(model)) {
                    schema.setAdditionalProperties(false);
                    Set<String> needed = new java.util.TreeSet<>(schema.getRequired() == null ? List.of()
                            : schema.getRequired());
                    for (RecordComponent component : components(model)) {
                        if (properties.containsKey(component.getName()) && markedRequired(component)) {
                            needed.add(component.getName());
                        }
                    }
                    if (!needed.isEmpty()) {
                        schema.setRequired(List.copyOf(needed));
                    }
                }
            }
        };
    }

    /** A record's components as Jackson writes them: those of a {@code @JsonUnwrapped} component in its place. */
    private static List<RecordComponent> components(Class<?> model) {
        List<RecordComponent> written = new java.util.ArrayList<>();
        for (RecordComponent component : model.getRecordComponents()) {
            if (component.isAnnotationPresent(JsonUnwrapped.class) && component.getType().isRecord()) {
                written.addAll(components(component.getType()));
            } else if (!component.isAnnotationPresent(JsonIgnore.class)) {
                written.add(component);
            }
        }
        return written;
    }

    private static String schemaName(Class<?> model) {
        io.swagger.v3.oas.annotations.media.Schema named =
                model.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return named != null && !named.name().isEmpty() ? named.name() : model.getSimpleName();
    }

    /** The API's records reachable from {@code roots} (through lists, maps and other records). */
    private static Set<Class<?>> records(Set<java.lang.reflect.Type> roots) {
        Set<Class<?>> found = new LinkedHashSet<>();
        java.util.ArrayDeque<java.lang.reflect.Type> pending;
        synchronized (roots) {
            pending = new java.util.ArrayDeque<>(roots);
        }
        Set<java.lang.reflect.Type> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            java.lang.reflect.Type type = pending.poll();
            if (!seen.add(type)) {
                continue;
            }
            if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> model && model.isRecord()
                    && model.getName().startsWith("org.tablesolver.")) {
                found.add(model);
                for (RecordComponent component : model.getRecordComponents()) {
                    pending.add(component.getGenericType());
                }
            }
        }
        return found;
    }

    private static io.swagger.v3.oas.annotations.media.Schema schemaOf(RecordComponent component) {
        io.swagger.v3.oas.annotations.media.Schema schema =
                component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null ? schema : component.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
    }

    /**
     * A component that may be null: marked {@code @Schema(nullable = true)}, or of a boxed primitive type (boxed to
     * be able to say "not known yet"), unless Jackson leaves it out when null.
     */
    private static boolean nullable(RecordComponent component) {
        io.swagger.v3.oas.annotations.media.Schema schema = schemaOf(component);
        if (schema != null && schema.nullable()) {
            return true;
        }
        Class<?> type = component.getType();
        boolean boxed = type == Integer.class || type == Long.class || type == Double.class || type == Boolean.class;
        return boxed && !writtenOnlyWhenSet(component) && !markedRequired(component);
    }

    /**
     * A request field that may be left out, and so also be null (strict JSON reads null as absent): neither a
     * primitive nor marked required ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty} or
     * {@code @Schema(requiredMode = REQUIRED)}).
     */
    private static boolean optionalInRequests(RecordComponent component) {
        return !component.getType().isPrimitive() && !markedRequired(component);
    }

    private static boolean markedRequired(RecordComponent component) {
        io.swagger.v3.oas.annotations.media.Schema schema = schemaOf(component);
        if (schema != null && schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) {
            return true;
        }
        io.swagger.v3.oas.annotations.media.ArraySchema array =
                component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.ArraySchema.class);
        if (array == null) {
            array = component.getAnnotation(io.swagger.v3.oas.annotations.media.ArraySchema.class);
        }
        if (array != null && array.arraySchema().requiredMode()
                == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) {
            return true;
        }
        for (java.lang.reflect.AnnotatedElement element : List.of(component.getAccessor(), component)) {
            if (element.isAnnotationPresent(jakarta.validation.constraints.NotNull.class)
                    || element.isAnnotationPresent(jakarta.validation.constraints.NotBlank.class)
                    || element.isAnnotationPresent(jakarta.validation.constraints.NotEmpty.class)) {
                return true;
            }
        }
        return false;
    }

    /** A component Jackson leaves out when null or empty (its own or its record's {@code @JsonInclude}). */
    private static boolean writtenOnlyWhenSet(RecordComponent component) {
        com.fasterxml.jackson.annotation.JsonInclude include =
                component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
        if (include == null) {
            include = component.getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
        }
        if (include == null) {
            include = component.getDeclaringRecord().getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
        }
        return include != null && include.value() != com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;
    }

    /** A component every answer has: Jackson writes it always, or it is a primitive, or it is marked required. */
    private static boolean alwaysWritten(RecordComponent component) {
        io.swagger.v3.oas.annotations.media.Schema schema = schemaOf(component);
        if (schema != null && schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED) {
            return false;
        }
        if (schema != null && schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) {
            return true;
        }
        return component.getType().isPrimitive() || !writtenOnlyWhenSet(component);
    }

    /** The property with null allowed: "null" among its types (and its values), or any of its $ref and null. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> allowNull(Schema property) {
        if (property.get$ref() != null) {
            Schema wrapper = new Schema<>();
            wrapper.setDescription(property.getDescription());
            Schema ref = new Schema<>().$ref(property.get$ref());
            Schema none = new Schema<>();
            none.setTypes(new LinkedHashSet<>(List.of("null")));
            wrapper.setAnyOf(List.of(ref, none));
            return wrapper;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        }
        if (property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty() || types.contains("null")) {
            return property;
        }
        types.add("null");
        property.setTypes(types);
        property.setType(null);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> values = new java.util.ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }

    @Bean
    OpenApiCustomizer models() {
        return openApi -> {
            List<Class<?>> types;
            synchronized (bodyTypes) {
                types = List.copyOf(bodyTypes);
            }
            for (Class<?> type : types) {
                ModelConverters.getInstance().readAll(new AnnotatedType(type)).forEach((name, schema) -> {
                    if (openApi.getComponents().getSchemas() == null
                            || !openApi.getComponents().getSchemas().containsKey(name)) {
                        openApi.getComponents().addSchemas(name, schema);
                    }
                });
            }
        };
    }

    /**
     * Records with a {@code @JsonUnwrapped} component are described as Jackson writes them: the unwrapped
     * component's properties inline, {@code @JsonIgnore}d components left out (swagger-core shows the component
     * as a nested property instead).
     */
    @Bean
    ModelConverter unwrappedRecords() {
        return (type, context, chain) -> {
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            boolean unwrapping = raw.isRecord() && Arrays.stream(raw.getRecordComponents())
                    .anyMatch(component -> component.isAnnotationPresent(JsonUnwrapped.class));
            if (!unwrapping) {
                return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            }
            ObjectSchema schema = new ObjectSchema();
            schema.setName(raw.getSimpleName());
            for (RecordComponent component : raw.getRecordComponents()) {
                if (component.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                if (component.isAnnotationPresent(JsonUnwrapped.class)) {
                    Schema<?> inner = context.resolve(new AnnotatedType(component.getGenericType()));
                    if (inner.get$ref() != null) {
                        inner = context.getDefinedModels().get(inner.get$ref().substring(inner.get$ref().lastIndexOf('/') + 1));
                    }
                    inner.getProperties().forEach(schema::addProperty);
                } else {
                    schema.addProperty(component.getName(),
                            context.resolve(new AnnotatedType(component.getGenericType()).resolveAsRef(true)));
                }
            }
            if (type.isResolveAsRef()) {
                context.defineModel(raw.getSimpleName(), schema, type, null);
                return new Schema<>().$ref("#/components/schemas/" + raw.getSimpleName());
            }
            return schema;
        };
    }
}
