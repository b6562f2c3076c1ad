package io.ace.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a shared local cluster: test and lifecycle methods (and the
 * constructor) may take a {@link LocalCluster} and an {@link Ace}, which is one application
 * context per class with a job repository of its own, closed after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClusterExtension.class)
public @interface OnCluster {

    /** Which of the shared clusters. */
    Kind value() default Kind.PLAIN;

    /** Extra application properties for the class's {@link Ace} ({@code name=value}). */
    String[] properties() default {};

    enum Kind {
        /** Four unreplicated nodes n1..n4. */
        PLAIN,
        /** Three nodes replicating to each other with pglogical. */
        PGLOGICAL
    }
}
