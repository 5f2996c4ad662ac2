package dev.asymmetric.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import dev.asymmetric.provider.ProviderFailure;
import java.io.Closeable;
import java.util.Map;
import java.util.function.Consumer;

/** The engine's event stream, filtered on a label, delivered as small {@link EngineEvent}s. */
public final class EngineEvents {
    private final DockerEngine engine;

    public EngineEvents(DockerEngine engine) {
        this.engine = engine;
    }

    /** What happened to which object: type ({@code container}), action ({@code die}), id, and its labels. */
    public record EngineEvent(String type, String action, String id, Map<String, String> attributes) {
    }

    /**
     * Streams events of objects labelled {@code label=value} until the returned handle is closed. {@code onEnd}
     * runs once when the stream ends for any reason other than close (null when it simply ended, else the error).
     */
    public Closeable subscribe(String label, String value, Consumer<EngineEvent> onEvent, Consumer<Throwable> onEnd) {
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            private volatile boolean closedByUs;

            @Override
            public void onNext(Event e) {
                Map<String, String> attrs = e.getActor() == null || e.getActor().getAttributes() == null
                        ? Map.of() : e.getActor().getAttributes();
                String type = e.getType() == null ? "" : e.getType().getValue();
                String id = e.getActor() != null && e.getActor().getId() != null ? e.getActor().getId() : e.getId();
                onEvent.accept(new EngineEvent(type, e.getAction() == null ? e.getStatus() : e.getAction(), id, attrs));
            }

            @Override
            public void onError(Throwable t) {
                if (!closedByUs) {
                    onEnd.accept(DockerFailures.of("watching Docker events", t));
                }
                super.onError(t);
            }

            @Override
            public void onComplete() {
                if (!closedByUs) {
                    onEnd.accept(null);
                }
                super.onComplete();
            }

            @Override
            public void close() throws java.io.IOException {
                closedByUs = true;
                super.close();
            }
        };
        try {
            return engine.streams().eventsCmd().withLabelFilter(Map.of(label, value)).exec(callback);
        } catch (RuntimeException e) {
            throw DockerFailures.of("watching Docker events", e);
        }
    }
}
