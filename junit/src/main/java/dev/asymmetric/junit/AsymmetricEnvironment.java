package dev.asymmetric.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an asymmetric environment: before the class the environment of {@link #spec()} is
 * spun (or, when this JVM already made it from the same spec, reused; a changed spec converges it), it is reset as
 * {@link #reset()} says, and {@link Environment} and {@link Clone} parameters are injected. Its name is the spec's
 * name with this JVM's fork ({@code acme} becomes {@code acme-<fork>}), so parallel forks and classes never share
 * one by accident. It is destroyed when the JVM's tests end (unless {@link #keep()}), and if the JVM dies, its
 * lease runs out {@link #ttl()} later and any asymmetric command or the controller collects it. See docs/junit.md.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(AsymmetricExtension.class)
public @interface AsymmetricEnvironment {
    /** The environment.yaml, relative to the working directory (the module's folder under Maven). */
    String spec();

    /** When to reset to the seed; before each test by default. */
    Reset reset() default Reset.EACH_TEST;

    /** How long the environment outlives this JVM if it dies without destroying it ({@code 30s}, {@code 10m}). */
    String ttl() default "10m";

    /** Keep the environment when the tests end, for the next run to reuse while its lease lasts. */
    boolean keep() default false;

    /** How long a spin or reset may take before the test fails with TIMEOUT ({@code 5m}). */
    String timeout() default "5m";
}
