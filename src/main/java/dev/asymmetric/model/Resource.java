package dev.asymmetric.model;

/** What every stored object has: a kind, a name, metadata, a spec and a status. */
public interface Resource {
    String kind();

    Metadata metadata();

    Object spec();

    Object status();

    Resource withMetadata(Metadata m);

    default String name() {
        return metadata().name();
    }

    default String key() {
        return kind() + "/" + metadata().name();
    }
}
