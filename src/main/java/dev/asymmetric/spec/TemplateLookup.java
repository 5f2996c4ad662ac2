package dev.asymmetric.spec;

import dev.asymmetric.model.Template;
import java.util.Optional;

/** What the spec reader needs of the catalog: find a template, or suggest the closest name. */
public interface TemplateLookup {
    Optional<Template> find(String name);

    String suggest(String name);
}
