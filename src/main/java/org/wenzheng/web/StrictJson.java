package org.wenzheng.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON sent to our API is taken as sent or refused, never quietly rewritten: a number or boolean where text is
 * expected ({@code "content": 123}), text where a boolean is expected ({@code "urgent": "null"}), and text with
 * control characters (a NUL byte), unpaired surrogates or the replacement character (what a broken encoding
 * leaves) answer 400 naming the field, and nothing is stored.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonCustomizer() {
    return builder -> builder
        .modulesToInstall(modules -> modules.add(new SimpleModule("wenzheng-strict-text")
            .addDeserializer(String.class, new CleanText())))
        .postConfigurer(mapper -> {
          mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Boolean)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Integer)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        });
  }

  /** Text as Jackson reads it, refused when it holds what no person types. */
  static final class CleanText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return super.deserialize(p, ctxt);
      }
      String value = p.getText();
      String problem = TextInput.problem(value);
      if (problem != null) {
        throw InvalidFormatException.from(p, problem, value, String.class);
      }
      return value;
    }
  }
}
