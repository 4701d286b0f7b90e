package dev.cloudjar.junit;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

/**
 * The JUnit 5 extension behind {@link CloudJarTest} (it also works as {@code @ExtendWith(CloudJarExtension.class)},
 * with {@code CloudJarTest}'s defaults). A CloudJar is started on a free port for each test class, or once per run
 * for classes that share one, and closed after them. Parameters of type {@code CloudJar}, {@code URI} and any AWS
 * SDK v2 client are resolved; clients use region us-east-1 (IAM: aws-global), the dummy credentials
 * test/test, and S3 in path style, and are closed with the class that asked for them.
 */
public class CloudJarExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CloudJarExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = running(context);
        if (settings(context).shared()) {
            running.cloudJar.reset();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).freshState() == CloudJarTest.FreshState.PER_TEST) {
            running(context).cloudJar.reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), Running.class);
        if (running != null) {
            running.close();
        }
        ClassClients clients = context.getStore(NAMESPACE).remove(ClassClients.class, ClassClients.class);
        if (clients != null) {
            clients.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == CloudJar.class || type == URI.class || SdkClient.class.isAssignableFrom(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Running running = running(extension);
        Class<?> type = parameter.getParameter().getType();
        if (type == CloudJar.class) {
            return running.cloudJar;
        }
        if (type == URI.class) {
            return URI.create(running.cloudJar.endpoint());
        }
        ExtensionContext classContext = classContext(extension);
        ClassClients clients = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(ClassClients.class, k -> new ClassClients(), ClassClients.class);
        return clients.byType.computeIfAbsent(type, t -> newClient(t, running.cloudJar));
    }

    /** Points any SDK v2 client builder at the given CloudJar: its endpoint, us-east-1, credentials test/test. */
    public static <B extends AwsClientBuilder<B, ?>> B client(B builder, CloudJar cloudJar) {
        return builder.endpointOverride(URI.create(cloudJar.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    /** Builds any generated SDK v2 client through its static {@code builder()}, as a user would. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static SdkClient newClient(Class<?> type, CloudJar cloudJar) {
        Object builder;
        try {
            builder = type.getMethod("builder").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new ParameterResolutionException("CloudJarTest builds AWS SDK v2 clients through their static builder(); "
                    + type.getName() + " has none", e);
        }
        if (!(builder instanceof AwsClientBuilder)) {
            throw new ParameterResolutionException(type.getName() + " is not an AWS service client");
        }
        AwsClientBuilder aws = client((AwsClientBuilder) builder, cloudJar);
        if (type.getSimpleName().startsWith("Iam")) {
            // IAM is global: its clients sign for aws-global (us-east-1), as against AWS
            aws.region(Region.AWS_GLOBAL);
        }
        pathStyle(aws);
        return (SdkClient) aws.build();
    }

    /** S3 clients address buckets by path: a virtual host {@code bucket.127.0.0.1} cannot resolve. */
    private static void pathStyle(Object builder) {
        try {
            Method forcePathStyle = builder.getClass().getMethod("forcePathStyle", Boolean.class);
            forcePathStyle.setAccessible(true);
            forcePathStyle.invoke(builder, Boolean.TRUE);
        } catch (NoSuchMethodException e) {
            // not an S3 client
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new ParameterResolutionException("could not set path-style addressing on " + builder.getClass().getName(), e);
        }
    }

    private static CloudJarTest settings(ExtensionContext context) {
        Optional<CloudJarTest> annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CloudJarTest.class);
        return annotation.orElse(Defaults.INSTANCE);
    }

    private Running running(ExtensionContext context) {
        if (settings(context).shared()) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class,
                    k -> new Running(CloudJar.start(CloudJarConfig.defaults().withPort(0))), Running.class);
        }
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(classContext.getRequiredTestClass(),
                c -> new Running(CloudJar.start(CloudJarConfig.defaults().withPort(0))), Running.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** A started CloudJar, closed with the store that holds it (the class's, or the run's when shared). */
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final CloudJar cloudJar;
        private boolean closed;

        Running(CloudJar cloudJar) {
            this.cloudJar = cloudJar;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                cloudJar.close();
            }
        }
    }

    /** The clients one test class asked for. */
    private static final class ClassClients implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Map<Class<?>, SdkClient> byType = new ConcurrentHashMap<>();

        @Override
        public void close() {
            byType.values().forEach(SdkClient::close);
            byType.clear();
        }
    }

    /** {@code @ExtendWith(CloudJarExtension.class)} without the annotation means the annotation's defaults. */
    @CloudJarTest
    private static final class Defaults {
        static final CloudJarTest INSTANCE = Defaults.class.getAnnotation(CloudJarTest.class);
    }
}
