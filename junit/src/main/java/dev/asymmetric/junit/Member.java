package dev.asymmetric.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks the {@link Clone} a parameter receives: by position in the spec's {@code clones:} ({@code @Member(0)}) or
 * by template ({@code @Member(template = "fixture")}, the first member of that template). A {@code Clone}
 * parameter without it receives the only member, and is an error when there are several.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Member {
    /** The member's index in the spec's {@code clones:}, from 0; -1 to pick by template. */
    int value() default -1;

    /** The member's template; "" to pick by index. */
    String template() default "";
}
