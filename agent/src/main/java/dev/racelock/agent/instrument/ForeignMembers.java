package dev.racelock.agent.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * The fields and methods another agent added to the class being transformed, when that agent
 * transformed it first: JaCoCo's {@code $jacocoData} probe array and {@code $jacocoInit}, and in
 * general any synthetic member (JVMS 4.7.8) the class file did not have. Their code and the
 * accesses to them are that agent's, not the program's: they are not recorded.
 *
 * <p>A synthetic member is taken as added when its name is JaCoCo's, or when it follows none of
 * the compilers' naming habits (lambda bodies, accessors, outer-instance and captured-variable
 * fields, enum and switch tables, assertion flags, bridges) and the class file the loader serves
 * lacks it. That file is read only for such a member, so a javac-built class costs nothing.
 */
final class ForeignMembers {
    static final ForeignMembers NONE = new ForeignMembers("", Set.of(), Set.of());

    /** JaCoCo's members ({@code $jacocoData}, {@code $jacocoInit}, {@code $jacocoAccess}): known without looking. */
    private static final String JACOCO = "$jacoco";
    private static final String[] COMPILER_METHODS = {"lambda$", "access$", "$deserializeLambda$", "$values"};
    private static final String[] COMPILER_FIELDS = {"this$", "val$", "$assertionsDisabled", "$VALUES",
        "$SwitchMap$", "$SWITCH_TABLE$"};

    private final String owner;
    private final Set<String> fields;
    /** name + descriptor */
    private final Set<String> methods;

    private ForeignMembers(String owner, Set<String> fields, Set<String> methods) {
        this.owner = owner;
        this.fields = fields;
        this.methods = methods;
    }

    static ForeignMembers of(ClassReader reader, ClassLoader loader) {
        Members synthetic = Members.read(reader, true);
        Set<String> fields = new HashSet<>();
        Set<String> methods = new HashSet<>();
        Set<String> unexplainedFields = new HashSet<>();
        Set<String> unexplainedMethods = new HashSet<>();
        for (String field : synthetic.fields) {
            if (field.startsWith(JACOCO)) {
                fields.add(field);
            } else if (!startsWithAny(field, COMPILER_FIELDS)) {
                unexplainedFields.add(field);
            }
        }
        for (String method : synthetic.methods) {
            if (method.startsWith(JACOCO)) {
                methods.add(method);
            } else if (!startsWithAny(method, COMPILER_METHODS) && !synthetic.bridges.contains(method)) {
                unexplainedMethods.add(method);
            }
        }
        if (!unexplainedFields.isEmpty() || !unexplainedMethods.isEmpty()) {
            Members original = original(loader, reader.getClassName());
            if (original != null) {
                unexplainedFields.removeAll(original.fields);
                unexplainedMethods.removeAll(original.methods);
                fields.addAll(unexplainedFields);
                methods.addAll(unexplainedMethods);
            }
        }
        return fields.isEmpty() && methods.isEmpty() ? NONE : new ForeignMembers(reader.getClassName(), fields, methods);
    }

    boolean isEmpty() {
        return fields.isEmpty() && methods.isEmpty();
    }

    /**
     * A field another agent added: this class's own, or JaCoCo's in any class. Always false in a
     * class of which no member is another agent's: its code is all the program's.
     */
    boolean isField(String fieldOwner, String name) {
        return !isEmpty() && (name.startsWith(JACOCO) || (fieldOwner.equals(owner) && fields.contains(name)));
    }

    /** See {@link #isField}. */
    boolean isMethod(String methodOwner, String name, String descriptor) {
        return !isEmpty() && (name.startsWith(JACOCO)
                || (methodOwner.equals(owner) && methods.contains(name + descriptor)));
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The members of the class file as the loader serves it, or null when it has none to show. */
    private static Members original(ClassLoader loader, String className) {
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(className + ".class")) {
            return in == null ? null : Members.read(new ClassReader(in.readAllBytes()), false);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Field names and method names + descriptors of one class file. */
    private static final class Members {
        final Set<String> fields = new HashSet<>();
        final Set<String> methods = new HashSet<>();
        final Set<String> bridges = new HashSet<>();

        static Members read(ClassReader reader, boolean syntheticOnly) {
            Members members = new Members();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    if (!syntheticOnly || (access & Opcodes.ACC_SYNTHETIC) != 0) {
                        members.fields.add(name);
                    }
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    if (!syntheticOnly || (access & Opcodes.ACC_SYNTHETIC) != 0) {
                        members.methods.add(name + descriptor);
                        if ((access & Opcodes.ACC_BRIDGE) != 0) {
                            members.bridges.add(name + descriptor);
                        }
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return members;
        }
    }
}
