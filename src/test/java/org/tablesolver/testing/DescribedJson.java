package org.tablesolver.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of the served OpenAPI 3.1 description, for the keywords the description
 * uses: {@code type} (one or several, "null" among them), {@code enum}, {@code required}, {@code properties},
 * {@code additionalProperties: false}, {@code items}, {@code $ref}, {@code anyOf}/{@code oneOf} and
 * {@code pattern}. Written here because the request validator reads a 3.1 description's types as absent (a string
 * where an integer is described, or a null anywhere, passes it).
 */
public final class DescribedJson {

    private final JsonNode docs;

    public DescribedJson(JsonNode docs) {
        this.docs = docs;
    }

    /** What in {@code value} the schema does not allow, as "path: problem". */
    public List<String> check(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            schema = docs.at(ref.substring(1));
        }
        return schema;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        schema = resolve(schema);
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                boolean any = false;
                for (JsonNode option : schema.path(combinator)) {
                    List<String> inner = new ArrayList<>();
                    check(option, value, path, inner);
                    any |= inner.isEmpty();
                }
                if (!any) {
                    problems.add(path + ": matches none of " + combinator);
                }
                return;
            }
        }
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> is(t, value))) {
            problems.add(path + ": " + (value.isNull() ? "null" : value.getNodeType().name().toLowerCase())
                    + " where the description allows " + types);
            return;
        }
        if (schema.has("enum") && value.isValueNode()) {
            boolean listed = false;
            for (JsonNode allowed : schema.path("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(path + ": " + value + " is not among " + schema.path("enum"));
            }
        }
        if (schema.has("pattern") && value.isTextual() && !value.asText().matches(schema.path("pattern").asText()
                .replaceAll("^\\^", "").replaceAll("\\$$", ""))) {
            problems.add(path + ": '" + value.asText() + "' does not match " + schema.path("pattern").asText());
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asText())) {
                    problems.add(path + ": required '" + name.asText() + "' is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (properties.has(field.getKey())) {
                    check(properties.path(field.getKey()), field.getValue(), path + "." + field.getKey(), problems);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").asBoolean()) {
                    problems.add(path + ": '" + field.getKey() + "' is not described");
                } else if (schema.path("additionalProperties").isObject()) {
                    check(schema.path("additionalProperties"), field.getValue(), path + "." + field.getKey(),
                            problems);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.path("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static boolean is(String type, JsonNode value) {
        return switch (type) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
    }
}
