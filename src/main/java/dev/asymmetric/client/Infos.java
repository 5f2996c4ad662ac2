package dev.asymmetric.client;

import dev.asymmetric.cli.Goals;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.view.Views;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The client's records, made from the views {@code status --json} shows, so both always agree. */
final class Infos {
    private Infos() {
    }

    @SuppressWarnings("unchecked")
    static EnvironmentInfo of(Views views, Environment e, Goals.EnvOutcome outcome, boolean created) {
        List<CloneInfo> members = new ArrayList<>();
        for (Clone c : outcome.members()) {
            Map<String, Object> v = views.clone(c);
            Map<String, URI> endpoints = new LinkedHashMap<>();
            ((Map<String, String>) v.get("endpoints")).forEach((svc, url) -> endpoints.put(svc, URI.create(url)));
            Map<String, Object> db = (Map<String, Object>) v.get("database");
            Map<String, Object> redis = (Map<String, Object>) v.get("redis");
            members.add(new CloneInfo(c.id(), c.spec().template(), String.valueOf(c.status().state()),
                    Collections.unmodifiableMap(endpoints),
                    Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Integer>) v.get("ports"))),
                    db == null ? null : (String) db.get("url"), db == null ? null : (String) db.get("jdbcUrl"),
                    redis == null ? null : (String) redis.get("url"), redis == null ? null : (String) redis.get("prefix")));
        }
        return new EnvironmentInfo(e.name(), String.valueOf(e.status().state()), List.copyOf(members), created);
    }
}
