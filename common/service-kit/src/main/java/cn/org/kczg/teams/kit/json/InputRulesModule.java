package cn.org.kczg.teams.kit.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import cn.org.kczg.teams.kit.problem.Text;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies {@link InputRules} to every request body of the service: each String, BigDecimal, double, LocalDate and
 * Instant is checked as Jackson reads it (its own deserializer wrapped, so formats and contexts stay as they were),
 * and a {@code null} inside a list or map is refused — each a 400 naming the field (see {@code ProblemMappers}).
 */
@Singleton
public class InputRulesModule implements ObjectMapperCustomizer {
    private static final Map<Class<?>, Function<Object, Optional<Text>>> RULES = Map.of(
            String.class, v -> InputRules.text((String) v),
            BigDecimal.class, v -> InputRules.number((BigDecimal) v),
            Double.class, v -> v == null ? Optional.empty() : InputRules.number((Double) v),
            double.class, v -> v == null ? Optional.empty() : InputRules.number((Double) v),
            LocalDate.class, v -> InputRules.date((LocalDate) v),
            Instant.class, v -> InputRules.instant((Instant) v));

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules on any mapper (tests, tools). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("kczg-input-rules");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Function<Object, Optional<Text>> rule = RULES.get(description.getBeanClass());
                return rule == null ? deserializer : new Checked(deserializer, rule);
            }
        });
        mapper.registerModule(module);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return mapper;
    }

    /** A type's own deserializer, and then its rule. */
    private static final class Checked extends DelegatingDeserializer {
        private final transient Function<Object, Optional<Text>> rule;

        Checked(JsonDeserializer<?> delegate, Function<Object, Optional<Text>> rule) {
            super(delegate);
            this.rule = rule;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, rule);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            Optional<Text> broken = rule.apply(value);
            if (broken.isPresent()) {
                throw new InputRuleViolation(parser, broken.get());
            }
            return value;
        }
    }
}
