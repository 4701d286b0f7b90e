package dev.cloudjar.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a CloudJar on a free port of 127.0.0.1 and lets its tests and lifecycle
 * methods take, as parameters, the {@code CloudJar}, its endpoint {@code URI}, or any AWS SDK for Java
 * v2 client ({@code S3Client}, {@code SqsAsyncClient}, ...) already pointed at it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CloudJarExtension.class)
public @interface CloudJarTest {
    /** When the state starts empty again: for each test class (default) or before each test. */
    FreshState freshState() default FreshState.PER_CLASS;

    /**
     * One CloudJar for every class that asks for a shared one, started once per test run (faster than one per
     * class); its state is still emptied as {@link #freshState()} says.
     */
    boolean shared() default false;

    /** When the state of a CloudJar starts empty. */
    enum FreshState { PER_CLASS, PER_TEST }
}
