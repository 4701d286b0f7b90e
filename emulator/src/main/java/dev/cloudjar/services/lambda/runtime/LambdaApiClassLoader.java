package dev.cloudjar.services.lambda.runtime;

/**
 * The parent of every function's class loader: the JDK (platform loader) plus the Lambda runtime
 * interfaces of aws-lambda-java-core taken from CloudJar, so that {@code CloudJarContext} is the
 * function's {@code Context} and a handler's {@code RequestHandler} is the one CloudJar calls.
 * Nothing else of CloudJar's class path is visible through it.
 */
final class LambdaApiClassLoader extends ClassLoader {
    static final String RUNTIME_API = "com.amazonaws.services.lambda.runtime.";
    static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";
    static final String SERIALIZATION = "com.amazonaws.services.lambda.runtime.serialization.";
    /** What rewritten function code calls instead of System.exit and friends: one copy for all. */
    static final String GUARD = "dev.cloudjar.services.lambda.runtime.guard.";

    static final LambdaApiClassLoader INSTANCE = new LambdaApiClassLoader();

    private final ClassLoader host = LambdaApiClassLoader.class.getClassLoader();

    static {
        registerAsParallelCapable();
    }

    private LambdaApiClassLoader() {
        super("cloudjar-lambda-api", ClassLoader.getPlatformClassLoader());
    }

    /** aws-lambda-java-core: the interfaces shared between CloudJar and every function. */
    static boolean isRuntimeApi(String className) {
        return className.startsWith(RUNTIME_API) && !className.startsWith(EVENTS) && !className.startsWith(SERIALIZATION);
    }

    /** The classes every function shares with CloudJar: the runtime API and the exit guard. */
    static boolean isShared(String className) {
        return isRuntimeApi(className) || (className.startsWith(GUARD) && !className.equals(GUARD + "FunctionCodeRewriter"));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (isShared(name)) {
            return host.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected java.net.URL findResource(String name) {
        return name.startsWith(RUNTIME_API.replace('.', '/')) && isRuntimeApi(name.replace('/', '.'))
                ? host.getResource(name) : null;
    }

    ClassLoader host() {
        return host;
    }
}
