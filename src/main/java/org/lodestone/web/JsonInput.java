package org.lodestone.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read strictly: an unknown property is an error, not silently dropped, because a misspelt
 * {@code endUse} must not yield a licence determination made without the end use. {@link ApiProblems} names the
 * property in the 400 answer. Guarded by {@code ProblemDetailsTests#unknownPropertyIsNamed}.
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return JsonInput::strict;
    }

    static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
