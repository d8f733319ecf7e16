package org.tablesolver.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The strict request contract, with Jackson's own mechanisms: no coercion between JSON types (a number in
 * quotes is not a number, a number is not a string), and request strings and dates checked as they are read,
 * so the refusal names the field: no control characters (NUL included) in any string, and dates and
 * date-times only in the years 2000 to 2100. Unknown properties and local date-times with an offset are
 * refused by configuration ({@code application.properties}: {@code fail-on-unknown-properties},
 * {@code default-leniency=false}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noCoercion() {
        return builder -> builder.postConfigurer(mapper -> {
            for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            }
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean}) {
                mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            }
        });
    }

    @Bean
    Module strictValues() {
        SimpleModule module = new SimpleModule("table-solver-strict-values");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class || type == LocalDate.class || type == LocalDateTime.class) {
                    return new Checked(deserializer);
                }
                return deserializer;
            }
        });
        return module;
    }

    /** Reads as the standard deserializer does, then refuses control characters and years out of range. */
    private static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof String text) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c < 0x20 || c == 0x7f) {
                        throw context.weirdStringException(text, String.class,
                                "must not contain control characters (found U+%04X)".formatted((int) c));
                    }
                }
            }
            int year = value instanceof LocalDate date ? date.getYear()
                    : value instanceof LocalDateTime time ? time.getYear() : FIRST_YEAR;
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw context.weirdStringException(String.valueOf(value), value.getClass(),
                        "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
            }
            return value;
        }
    }
}
