package dev.asymmetric.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link AsymmetricEnvironment}; also usable as
 * {@code @RegisterExtension static AsymmetricExtension asym = AsymmetricExtension.spec("specs/x.yaml").build();}.
 */
public final class AsymmetricExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AsymmetricExtension.class);
    private final Settings given;

    /** As {@code @ExtendWith} makes it: settings from the class's {@link AsymmetricEnvironment}. */
    public AsymmetricExtension() {
        this(null);
    }

    private AsymmetricExtension(Settings given) {
        this.given = given;
    }

    /** A builder for {@code @RegisterExtension}, for the environment of {@code spec}. */
    public static Builder spec(String spec) {
        return new Builder(spec);
    }

    /** Settings for {@code @RegisterExtension}; the defaults are the annotation's. */
    public static final class Builder {
        private final String spec;
        private Reset reset = Reset.EACH_TEST;
        private Duration ttl = Duration.ofMinutes(10);
        private boolean keep;
        private Duration timeout = Duration.ofMinutes(5);

        private Builder(String spec) {
            this.spec = spec;
        }

        public Builder reset(Reset reset) {
            this.reset = reset;
            return this;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        public Builder keep(boolean keep) {
            this.keep = keep;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public AsymmetricExtension build() {
            return new AsymmetricExtension(new Settings(Path.of(spec), reset, ttl, keep, timeout));
        }
    }

    private Optional<Settings> settings(ExtensionContext context) {
        if (given != null) {
            return Optional.of(given);
        }
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, AsymmetricEnvironment.class))
                .map(Settings::of);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<Settings> s = settings(context);
        if (s.isEmpty() || context.getStore(NS).get(Use.class, Use.class) != null
                && context.getStore(NS).get(Use.class, Use.class).owner != context) {
            return; // a @Nested class runs in its enclosing class's environment
        }
        Registry registry = Registry.of(context);
        Registry.Entry entry = registry.take(s.get());
        Use use = new Use(context, registry, entry, s.get());
        context.getStore(NS).put(Use.class, use);
        if (s.get().reset() == Reset.EACH_CLASS) {
            use.resetIfDirty();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Use use = context.getStore(NS).get(Use.class, Use.class);
        if (use != null && use.settings.reset() == Reset.EACH_TEST) {
            use.resetIfDirty();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Use use = context.getStore(NS).get(Use.class, Use.class);
        if (use != null && use.owner == context) {
            use.registry.give(use.entry);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        Class<?> type = p.getParameter().getType();
        return type == Environment.class || type == Clone.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        Use use = context.getStore(NS).get(Use.class, Use.class);
        if (use == null) {
            throw new ParameterResolutionException("No asymmetric environment for " + p.getParameter()
                    + ": annotate the test class with @AsymmetricEnvironment(spec = \"...\")");
        }
        Environment env = use.environment();
        if (p.getParameter().getType() == Environment.class) {
            return env;
        }
        Optional<Member> m = p.findAnnotation(Member.class);
        try {
            if (m.isPresent() && !m.get().template().isEmpty()) {
                return env.member(m.get().template());
            }
            if (m.isPresent() && m.get().value() >= 0) {
                return env.member(m.get().value());
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
        if (env.members().size() != 1) {
            throw new ParameterResolutionException("Environment " + env.name() + " has " + env.members().size()
                    + " members; say which one " + p.getParameter() + " is with @Member(index) or @Member(template = ...)");
        }
        return env.members().get(0);
    }

    /** One test class's use of one environment. */
    private static final class Use {
        final ExtensionContext owner;
        final Registry registry;
        final Registry.Entry entry;
        final Settings settings;

        Use(ExtensionContext owner, Registry registry, Registry.Entry entry, Settings settings) {
            this.owner = owner;
            this.registry = registry;
            this.entry = entry;
            this.settings = settings;
        }

        Environment environment() {
            synchronized (registry) {
                return new Environment(entry.info, this::resetNow);
            }
        }

        /** Resets unless the environment is as seeded (just made, or just reset and not yet used); then it's used. */
        void resetIfDirty() {
            boolean dirty;
            synchronized (registry) {
                dirty = entry.dirty;
                entry.dirty = true;
            }
            if (dirty) {
                resetNow();
            }
        }

        Environment resetNow() {
            var info = registry.client().reset(entry.name, settings.timeout());
            synchronized (registry) {
                entry.info = info;
            }
            return new Environment(info, this::resetNow);
        }
    }
}
