package dev.cloudjar.services.lambda.runtime.guard;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class of in-process function code as it is loaded, so that the calls that would stop
 * or expose CloudJar's JVM go to {@link FunctionExits} instead: {@code System.exit},
 * {@code Runtime.exit}, {@code Runtime.halt} (direct calls and method references) and
 * {@code ClassLoader.getSystemClassLoader}. Classes that name none of these methods (nearly all) are
 * returned untouched after a scan of their bytes; calls made through reflection are not seen.
 */
public final class FunctionCodeRewriter {
    private static final String EXITS = "dev/cloudjar/services/lambda/runtime/guard/FunctionExits";
    private static final String SYSTEM_LOADER_DESC = "()Ljava/lang/ClassLoader;";
    private static final byte[][] MARKERS = {utf8Constant("exit"), utf8Constant("halt"), utf8Constant("getSystemClassLoader")};

    private FunctionCodeRewriter() {
    }

    /** The class file with guarded calls redirected; the same array when there is nothing to change. */
    public static byte[] rewrite(byte[] classFile) {
        if (!mentionsGuardedName(classFile)) {
            return classFile;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        Redirector redirector = new Redirector(writer);
        reader.accept(redirector, 0);
        return redirector.changed ? writer.toByteArray() : classFile;
    }

    /** Where a call goes instead, or null when it is not guarded. */
    private record Target(String name, String descriptor) {
        static Target of(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit") && descriptor.equals("(I)V")) {
                return new Target("exit", "(I)V");
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime") && descriptor.equals("(I)V")
                    && (name.equals("exit") || name.equals("halt"))) {
                return new Target(name, "(Ljava/lang/Runtime;I)V");
            }
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/ClassLoader") && name.equals("getSystemClassLoader")
                    && descriptor.equals(SYSTEM_LOADER_DESC)) {
                return new Target(name, SYSTEM_LOADER_DESC);
            }
            return null;
        }

        static Object handle(Object constant) {
            if (!(constant instanceof Handle h)) {
                return constant;
            }
            int opcode = switch (h.getTag()) {
                case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
                default -> -1;
            };
            Target target = of(opcode, h.getOwner(), h.getName(), h.getDesc());
            return target == null ? h : new Handle(Opcodes.H_INVOKESTATIC, EXITS, target.name(), target.descriptor(), false);
        }
    }

    private static final class Redirector extends ClassVisitor {
        boolean changed;

        Redirector(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                    Target target = Target.of(opcode, owner, method, desc);
                    if (target == null) {
                        super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                    } else {
                        changed = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, EXITS, target.name(), target.descriptor(), false);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
                    Object[] redirected = arguments.clone();
                    for (int i = 0; i < redirected.length; i++) {
                        redirected[i] = Target.handle(redirected[i]);
                        changed |= redirected[i] != arguments[i];
                    }
                    super.visitInvokeDynamicInsn(method, desc, bootstrap, redirected);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    Object redirected = Target.handle(value);
                    changed |= redirected != value;
                    super.visitLdcInsn(redirected);
                }
            };
        }
    }

    /** A name as a class file's constant pool holds it: tag 1, a two-byte length, the bytes. */
    private static byte[] utf8Constant(String name) {
        byte[] text = name.getBytes(StandardCharsets.US_ASCII);
        byte[] constant = new byte[text.length + 3];
        constant[0] = 1;
        constant[1] = 0;
        constant[2] = (byte) text.length;
        System.arraycopy(text, 0, constant, 3, text.length);
        return constant;
    }

    private static boolean mentionsGuardedName(byte[] classFile) {
        for (byte[] marker : MARKERS) {
            if (indexOf(classFile, marker) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
