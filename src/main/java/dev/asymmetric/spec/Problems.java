package dev.asymmetric.spec;

import dev.asymmetric.errors.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem in a document, so one run of a reader reports all of them. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(String path, int line, String message) {
        list.add(new Problem(path, line, message));
    }

    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }
}
