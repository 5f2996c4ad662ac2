package dev.asymmetric.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The requests the mock API server received, as RBAC sees them: API group, resource (with subresource), verb —
 * {@code GET} of a collection is {@code list} (or {@code watch} with {@code watch=true}), of one object {@code get};
 * {@code POST} {@code create}; {@code PATCH} {@code patch}; {@code PUT} {@code update}; {@code DELETE} {@code delete}.
 * Discovery and {@code /version} are left out (every authenticated user may read them).
 */
final class Requests {
    record Access(String group, String resource, String verb) implements Comparable<Access> {
        @Override
        public int compareTo(Access o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb;
        }
    }

    private Requests() {
    }

    /** Takes every request received so far. */
    static List<RecordedRequest> drain(KubernetesMockServer server) throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r; (r = server.takeRequest(500, TimeUnit.MILLISECONDS)) != null; ) {
            out.add(r);
        }
        return out;
    }

    static Set<Access> accesses(List<RecordedRequest> requests) {
        Set<Access> out = new TreeSet<>();
        for (RecordedRequest r : requests) {
            Access a = of(r.getMethod(), r.getPath());
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    static Access of(String method, String pathAndQuery) {
        String[] pq = pathAndQuery.split("\\?", 2);
        String query = pq.length > 1 ? pq[1] : "";
        String[] s = pq[0].replaceAll("^/+", "").split("/");
        String group;
        int rest;
        if (s[0].equals("api") && s.length > 2) {
            group = "";
            rest = 2;
        } else if (s[0].equals("apis") && s.length > 3) {
            group = s[1];
            rest = 3;
        } else {
            return null; // discovery, /version
        }
        List<String> r = List.of(s).subList(rest, s.length);
        if (r.get(0).equals("namespaces") && r.size() >= 3) {
            r = r.subList(2, r.size());
        }
        String resource = r.get(0) + (r.size() > 2 ? "/" + r.get(2) : "");
        boolean named = r.size() > 1;
        String verb = switch (method) {
            case "GET" -> named ? "get" : query.contains("watch=true") ? "watch" : "list";
            case "POST" -> "create";
            case "PATCH" -> "patch";
            case "PUT" -> "update";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
        return new Access(group, resource, verb);
    }
}
