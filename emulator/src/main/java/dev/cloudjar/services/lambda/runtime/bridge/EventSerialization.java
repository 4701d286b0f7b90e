package dev.cloudjar.services.lambda.runtime.bridge;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs INSIDE a function's class loader (FunctionClassLoader defines this class there from
 * CloudJar's bytes), so the serialization library it calls is the function's own copy: converts
 * event JSON to the handler's input type and the handler's result back to JSON the way the Java
 * runtime's EventHandlerLoader does (aws-lambda-java-events types through LambdaEventSerializers, the
 * rest through the library's Jackson factory). Only JDK types cross the boundary.
 */
public final class EventSerialization {
    private EventSerialization() {
    }

    /** A reader of JSON into {@code type}; called reflectively once per handler. */
    public static Function<InputStream, Object> reader(Type type, ClassLoader loader) {
        PojoSerializer<Object> serializer = serializerFor(type, loader);
        return serializer::fromJson;
    }

    /** A writer of values of {@code type} as JSON; called reflectively once per handler. */
    public static BiConsumer<Object, OutputStream> writer(Type type, ClassLoader loader) {
        PojoSerializer<Object> serializer = serializerFor(type, loader);
        return serializer::toJson;
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Type type, ClassLoader loader) {
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c2 ? c2 : null;
        if (raw != null && LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
