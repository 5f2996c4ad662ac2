package dev.asymmetric.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How resources are serialised: YAML on disk, JSON over {@code --json} and REST. One configured pair of mappers,
 * built on first use (Jackson is not free to start).
 */
public final class Codec {
    private volatile ObjectMapper yaml;
    private volatile ObjectMapper json;

    public ObjectMapper yaml() {
        if (yaml == null) {
            synchronized (this) {
                if (yaml == null) {
                    YAMLFactory f = YAMLFactory.builder()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                            .build();
                    yaml = configure(new ObjectMapper(f));
                }
            }
        }
        return yaml;
    }

    public ObjectMapper json() {
        if (json == null) {
            synchronized (this) {
                if (json == null) {
                    json = configure(new ObjectMapper());
                }
            }
        }
        return json;
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }
}
