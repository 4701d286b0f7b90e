package dev.cloudjar.services.lambda.runtime;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/** Finds the concrete type arguments a class gives a generic interface, through any superclass chain. */
final class TypeArguments {
    private TypeArguments() {
    }

    /** The arguments of {@code target} as implemented by {@code type}, or null when it does not implement it. */
    static Type[] of(Class<?> type, Class<?> target) {
        return search(type, target, new HashMap<>());
    }

    private static Type[] search(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] params = raw.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < params.length && i < args.length; i++) {
                bindings.put(params[i], substitute(args[i], bindings));
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (raw == target) {
            TypeVariable<?>[] params = raw.getTypeParameters();
            Type[] result = new Type[params.length];
            for (int i = 0; i < params.length; i++) {
                Type bound = bindings.get(params[i]);
                result[i] = bound == null || bound instanceof TypeVariable<?> ? Object.class : bound;
            }
            return result;
        }
        for (Type iface : raw.getGenericInterfaces()) {
            Type[] found = search(iface, target, new HashMap<>(bindings));
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : search(superclass, target, bindings);
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : type;
    }
}
