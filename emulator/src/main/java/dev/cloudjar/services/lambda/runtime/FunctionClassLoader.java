package dev.cloudjar.services.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import dev.cloudjar.services.lambda.runtime.guard.FunctionCodeRewriter;

/**
 * One function instance's classes. Parent-first only for the JDK ({@code java.*}, {@code javax.*} and
 * the rest of the platform) and the runtime interfaces of aws-lambda-java-core; everything else is
 * child-first from the function's package, so a function's Jackson, SDK or Guava never meets
 * CloudJar's. The serialization library (and, for packages that do not bundle them, the event
 * classes and Joda-Time) are defined <em>inside this loader</em> from CloudJar's copies, so event
 * binding happens in the function's class loader context as in the real runtime, and nothing a
 * function does to those classes' static state is shared with another function.
 */
public final class FunctionClassLoader extends URLClassLoader {
    /** Defined here from CloudJar's bytes when the package does not bring its own copy. */
    private static final String[] HOST_FALLBACK = {
        LambdaApiClassLoader.EVENTS,
        "org.joda.time.",
    };
    /** The platform's copy wins when it has one (javax.crypto, javax.xml, jdk.internal...). */
    private static final String[] PLATFORM_FIRST = {"javax.", "jdk.", "sun.", "com.sun."};
    /** Always defined here from CloudJar's bytes. */
    private static final String[] HOST_DEFINED = {
        LambdaApiClassLoader.SERIALIZATION,
        "com.amazonaws.lambda.thirdparty.",
        "dev.cloudjar.services.lambda.runtime.bridge.",
    };

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;
    private final Map<String, ProtectionDomain> domains = new ConcurrentHashMap<>();
    /** Jars read through cached connections: closed with the loader, as URLClassLoader closes its own. */
    private final Set<JarFile> openJars = ConcurrentHashMap.newKeySet();

    public FunctionClassLoader(String name, List<URL> classPath) {
        super(name, classPath.toArray(URL[]::new), LambdaApiClassLoader.INSTANCE);
        this.host = LambdaApiClassLoader.INSTANCE.host();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = locate(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> locate(String name) throws ClassNotFoundException {
        if (name.startsWith("java.") || LambdaApiClassLoader.isShared(name)) {
            return getParent().loadClass(name);
        }
        if (startsWithAny(name, HOST_DEFINED)) {
            return defineFromHost(name);
        }
        if (startsWithAny(name, PLATFORM_FIRST)) {
            try {
                return getParent().loadClass(name);
            } catch (ClassNotFoundException notPlatform) {
                return findClass(name);
            }
        }
        try {
            return findClass(name);
        } catch (ClassNotFoundException notInPackage) {
            if (startsWithAny(name, HOST_FALLBACK)) {
                return defineFromHost(name);
            }
            return getParent().loadClass(name);
        }
    }

    /**
     * A class of the function's own package (or its layers), as its handler must be: not the JDK's,
     * not CloudJar's, and not a library CloudJar lends the function.
     */
    public boolean isOwnCode(Class<?> type) {
        // classes defined from CloudJar's bytes carry the loader's default domain, which has no location
        CodeSource source = type.getClassLoader() == this ? type.getProtectionDomain().getCodeSource() : null;
        return source != null && source.getLocation() != null;
    }

    /**
     * Defines a class of the function's package as URLClassLoader would, after
     * {@link FunctionCodeRewriter} has redirected the calls that would stop or expose CloudJar's JVM.
     */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        URL url = findResource(resource);
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                openJars.add(jar.getJarFile());
            }
            byte[] bytes;
            try (InputStream in = connection.getInputStream()) {
                bytes = FunctionCodeRewriter.rewrite(in.readAllBytes());
            }
            URL base = codeBase(url, resource);
            definePackageOf(name, connection, base);
            return defineClass(name, bytes, 0, bytes.length, domains.computeIfAbsent(base.toString(),
                    key -> new ProtectionDomain(new CodeSource(base, (CodeSigner[]) null), null, this, null)));
        } catch (IOException | RuntimeException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private void definePackageOf(String className, URLConnection connection, URL base) throws IOException {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) != null) {
            return;
        }
        Manifest manifest = connection instanceof JarURLConnection jar ? jar.getManifest() : null;
        try {
            if (manifest != null) {
                definePackage(pkg, manifest, base);
            } else {
                definePackage(pkg, null, null, null, null, null, null, null);
            }
        } catch (IllegalArgumentException alreadyDefined) {
            // another thread defined it first
        }
    }

    /** The jar or folder a class came from: its code source location, as URLClassLoader gives it. */
    private static URL codeBase(URL classUrl, String resource) throws IOException {
        String text = classUrl.toString();
        if (text.startsWith("jar:")) {
            int bang = text.indexOf("!/");
            String jar = text.substring(4, bang < 0 ? text.length() : bang);
            int fragment = jar.indexOf('#');
            return new URL(fragment < 0 ? jar : jar.substring(0, fragment));
        }
        return text.endsWith(resource) ? new URL(text.substring(0, text.length() - resource.length())) : classUrl;
    }

    private Class<?> defineFromHost(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = host.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                String pkg = name.substring(0, dot);
                if (getDefinedPackage(pkg) == null) {
                    try {
                        definePackage(pkg, null, null, null, null, null, null, null);
                    } catch (IllegalArgumentException alreadyDefined) {
                        // another thread defined it first
                    }
                }
            }
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    @Override
    public URL getResource(String name) {
        String asClass = name.replace('/', '.');
        if (startsWithAny(asClass, HOST_DEFINED)) {
            return host.getResource(name);
        }
        URL own = findResource(name);
        if (own != null) {
            return own;
        }
        if (startsWithAny(asClass, HOST_FALLBACK)) {
            return host.getResource(name);
        }
        return getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        URL url = getResource(name);
        try {
            return url == null ? null : url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (JarFile jar : openJars) {
            try {
                jar.close();
            } catch (IOException ignored) {
                // closing the rest matters more
            }
        }
        openJars.clear();
        super.close();
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
