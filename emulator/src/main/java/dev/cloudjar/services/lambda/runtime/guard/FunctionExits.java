package dev.cloudjar.services.lambda.runtime.guard;

/**
 * What rewritten function code calls instead of the JVM-wide methods it may not reach
 * ({@link FunctionCodeRewriter}). Shared with every function's class loader (parent-first), so the
 * {@link FunctionExit} thrown here is the class CloudJar catches.
 */
public final class FunctionExits {
    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private FunctionExits() {
    }

    /** Instead of {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new FunctionExit(status);
    }

    /** Instead of {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw new FunctionExit(status);
    }

    /** Instead of {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        throw new FunctionExit(status);
    }

    /**
     * Instead of {@code ClassLoader.getSystemClassLoader()}: the caller's own class loader, which sees
     * the function's code, its layers and the JDK, but not CloudJar's class path.
     */
    public static ClassLoader getSystemClassLoader() {
        ClassLoader loader = CALLER.getCallerClass().getClassLoader();
        return loader == null ? ClassLoader.getPlatformClassLoader() : loader;
    }
}
