package dev.cloudjar.services.lambda.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudjar.services.lambda.runtime.guard.FunctionExit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A resolved handler string, bound to one handler instance, resolved exactly like the Java runtime's
 * EventHandlerLoader: {@code pkg.Class} must implement RequestStreamHandler (checked first) or
 * RequestHandler; {@code pkg.Class::method} picks among the public methods of that name, preferring
 * non-bridge methods and longer signatures (a trailing Context counts extra). Input is bound and
 * output written by the serialization library inside the function's class loader.
 */
public final class HandlerInvoker {
    private static final String BRIDGE = "dev.cloudjar.services.lambda.runtime.bridge.EventSerialization";
    private static final byte[] NULL_PAYLOAD = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.US_ASCII);

    private final Object instance;
    private final Method method;
    private final Shape shape;
    private final Function<InputStream, Object> reader;
    private final BiConsumer<Object, OutputStream> writer;

    /** Where the event and the output go in the handler's parameter list. */
    enum Shape { STREAM_HANDLER, REQUEST_HANDLER, METHOD }

    private HandlerInvoker(Object instance, Method method, Shape shape,
                           Function<InputStream, Object> reader, BiConsumer<Object, OutputStream> writer) {
        this.instance = instance;
        this.method = method;
        this.shape = shape;
        this.reader = reader;
        this.writer = writer;
    }

    /** Loads the handler class (running its static initialisation) and creates the instance. */
    public static HandlerInvoker resolve(String handler, FunctionClassLoader loader) {
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new HandlerInitException("java.lang.ClassNotFoundException", "Class not found: " + className, e);
        }
        if (!loader.isOwnCode(type)) {
            // a handler names a class of the function's code: never the JDK's (System::exit) or CloudJar's
            throw new HandlerInitException("java.lang.ClassNotFoundException", "Class not found: " + className, null);
        }
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new HandlerInitException("java.lang.ClassNotFoundException", "Class not found: " + className, e);
        }
        if (separator < 0) {
            return forClass(type, loader);
        }
        return forMethod(type, handler.substring(separator + 2), loader);
    }

    private static HandlerInvoker forClass(Class<?> type, ClassLoader loader) {
        if (RequestStreamHandler.class.isAssignableFrom(type)) {
            return new HandlerInvoker(newInstance(type), null, Shape.STREAM_HANDLER, null, null);
        }
        if (RequestHandler.class.isAssignableFrom(type)) {
            Type[] args = TypeArguments.of(type, RequestHandler.class);
            return new HandlerInvoker(newInstance(type), null, Shape.REQUEST_HANDLER,
                    reader(args[0], loader), writer(args[1], loader));
        }
        throw new HandlerInitException("java.lang.RuntimeException", "Class " + type.getName()
                + " does not implement RequestHandler with concrete type parameters", null);
    }

    private static HandlerInvoker forMethod(Class<?> type, String name, ClassLoader loader) {
        List<Method> candidates = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && accepted(m.getParameterTypes()))
                .sorted(Comparator.comparingInt(HandlerInvoker::preference).reversed())
                .toList();
        if (candidates.isEmpty()) {
            throw new HandlerInitException("java.lang.RuntimeException", "No public method named " + name
                    + " with appropriate method signature found on class " + type.getName(), null);
        }
        Method method = candidates.get(0);
        method.setAccessible(true);
        Object instance = Modifier.isStatic(method.getModifiers()) ? null : newInstance(type);
        Type input = eventParameter(method);
        Class<?> returnType = method.getReturnType();
        return new HandlerInvoker(instance, method, Shape.METHOD,
                input == null ? null : reader(input, loader),
                returnType == void.class ? null : writer(method.getGenericReturnType(), loader));
    }

    /** Non-bridge first, then more parameters, a trailing Context counting one extra. */
    private static int preference(Method m) {
        Class<?>[] params = m.getParameterTypes();
        int score = params.length * 2;
        if (params.length > 0 && params[params.length - 1] == Context.class) {
            score++;
        }
        return m.isBridge() ? score : score + 100;
    }

    private static boolean accepted(Class<?>[] p) {
        switch (p.length) {
            case 0:
                return true;
            case 1:
                return true;
            case 2:
                return p[1] == Context.class || (p[0] == InputStream.class && p[1] == OutputStream.class);
            case 3:
                return p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class;
            default:
                return false;
        }
    }

    /** The parameter that receives the converted event, or null when the method takes none. */
    private static Type eventParameter(Method m) {
        Class<?>[] p = m.getParameterTypes();
        if (p.length == 0 || p[0] == Context.class || p[0] == InputStream.class || p[0] == OutputStream.class) {
            return null;
        }
        return m.getGenericParameterTypes()[0];
    }

    private static Object newInstance(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new HandlerInitException("java.lang.RuntimeException",
                    "Class " + type.getName() + " has no public zero-argument constructor", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof FunctionExit exit) {
                throw exit;
            }
            throw new HandlerInitException(e.getCause().getClass().getName(),
                    String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new HandlerInitException(e.getClass().getName(), e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<InputStream, Object> reader(Type type, ClassLoader loader) {
        if (type == InputStream.class) {
            return in -> in;
        }
        try {
            Method factory = Class.forName(BRIDGE, true, loader).getMethod("reader", Type.class, ClassLoader.class);
            return (Function<InputStream, Object>) factory.invoke(null, type, loader);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new HandlerInitException("java.lang.RuntimeException", "Cannot bind the input type " + type.getTypeName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static BiConsumer<Object, OutputStream> writer(Type type, ClassLoader loader) {
        try {
            Method factory = Class.forName(BRIDGE, true, loader).getMethod("writer", Type.class, ClassLoader.class);
            return (BiConsumer<Object, OutputStream>) factory.invoke(null, type, loader);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new HandlerInitException("java.lang.RuntimeException", "Cannot write the output type " + type.getTypeName(), e);
        }
    }

    /** Runs the handler once; a thrown exception is the function's error, rethrown unwrapped. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public byte[] invoke(byte[] payload, Context context) throws Throwable {
        byte[] event = payload == null || payload.length == 0 ? EMPTY_EVENT : payload;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (shape) {
            case STREAM_HANDLER:
                ((RequestStreamHandler) instance).handleRequest(new ByteArrayInputStream(event), out, context);
                return out.toByteArray();
            case REQUEST_HANDLER:
                Object result = ((RequestHandler) instance).handleRequest(read(event), context);
                return write(result, out);
            default:
                return invokeMethod(event, out, context);
        }
    }

    private byte[] invokeMethod(byte[] event, ByteArrayOutputStream out, Context context) throws Throwable {
        Class<?>[] params = method.getParameterTypes();
        Object[] args = new Object[params.length];
        boolean streamsOutput = false;
        for (int i = 0; i < params.length; i++) {
            if (params[i] == Context.class && i == params.length - 1 && (i > 0 || params.length == 1)) {
                args[i] = context;
            } else if (params[i] == OutputStream.class) {
                args[i] = out;
                streamsOutput = true;
            } else if (params[i] == InputStream.class) {
                args[i] = new ByteArrayInputStream(event);
            } else {
                args[i] = read(event);
            }
        }
        Object result;
        try {
            result = method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (streamsOutput) {
            return out.toByteArray();
        }
        return writer == null ? NULL_PAYLOAD : write(result, out);
    }

    private Object read(byte[] event) {
        try {
            return reader.apply(new ByteArrayInputStream(event));
        } catch (RuntimeException e) {
            throw new RuntimeException("An error occurred during JSON parsing", e);
        }
    }

    private byte[] write(Object result, ByteArrayOutputStream out) {
        try {
            writer.accept(result, out);
        } catch (RuntimeException e) {
            throw new RuntimeException("An error occurred during JSON serialization of response", e);
        }
        return out.toByteArray();
    }
}
