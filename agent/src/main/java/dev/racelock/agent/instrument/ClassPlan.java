package dev.racelock.agent.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

import java.util.Set;

/**
 * What the rewriting of one class will do to each of its methods, decided from the class file
 * before ASM visits it: which methods record something at their entry whatever their code
 * (synchronized, {@code Thread.run}, a task body, a constructor that sets the id, a class
 * initializer when accesses are recorded), and which are copied as they are ({@link UntouchedCode}).
 * When no method is touched and the class gets no id, the class is left as it is, unwritten
 * (unless it declares a {@code loadClass}, which {@link RuntimeDelegation} guards).
 */
final class ClassPlan {
    final String className;
    final String superName;
    final boolean carriesId;
    final MethodScope scope;
    private final ClassTransformer.Context context;
    /** Name + descriptor of the methods copied as they are. */
    private final Set<String> copied;
    private final boolean everyMethodCopied;
    private Boolean threadSubclass;

    ClassPlan(ClassReader reader, ClassTransformer.Context context, boolean carriesId) {
        this.className = reader.getClassName();
        this.superName = reader.getSuperName();
        this.carriesId = carriesId;
        this.context = context;
        this.scope = new MethodScope(className, context, reader.readInt(4)); // minor_version, major_version
        UntouchedCode.Methods walked = UntouchedCode.methods(reader, context.options().memory(),
                context.options().stacks(), scope::recordsCall, this::entryRecords);
        this.copied = walked.untouched();
        this.everyMethodCopied = walked.all();
    }

    /** Rewriting would give back the class as it was: no id to add and every method copied. */
    boolean changesNothing() {
        return !carriesId && everyMethodCopied;
    }

    /** The method goes to the class writer as it is. */
    boolean copies(String name, String descriptor) {
        return copied.contains(name + descriptor);
    }

    /** What the method's header alone decides: it records at its entry or exit, whatever its code. */
    boolean entryRecords(int access, String name, String descriptor) {
        return entryRecords(access, name, threadRun(access, name, descriptor), bodyHook(access, name, descriptor));
    }

    /** As {@link #entryRecords(int, String, String)}, with its {@link #threadRun} and {@link #bodyHook} known. */
    boolean entryRecords(int access, String name, boolean threadRun, CallSiteHooks.BodyHook bodyHook) {
        return (access & Opcodes.ACC_SYNCHRONIZED) != 0 || idAssignment(name)
                || name.equals("<clinit>") && context.options().memory() // its end is the class-initialization hand-off (ClassInitProbe)
                || threadRun || bodyHook != null;
    }

    /** With accesses recorded, every constructor of a class that carries the id sets it; in mode=locks the first use does. */
    boolean idAssignment(String name) {
        return carriesId && name.equals("<init>") && context.options().memory();
    }

    /** The run() of a Thread subclass: the thread's begin and end. */
    boolean threadRun(int access, String name, String descriptor) {
        return name.equals("run") && descriptor.equals("()V") && (access & Opcodes.ACC_STATIC) == 0
                && isThreadSubclass();
    }

    /** Calls around the body of a method the JDK runs as a task (CallSiteHooks.BodyHook), or null. */
    CallSiteHooks.BodyHook bodyHook(int access, String name, String descriptor) {
        return (access & Opcodes.ACC_STATIC) != 0 ? null
                : context.hooks().bodyHook(name, descriptor, ancestor -> scope.isSubclass(superName, ancestor));
    }

    private boolean isThreadSubclass() {
        if (threadSubclass == null) {
            threadSubclass = scope.isThreadSubclass(superName);
        }
        return threadSubclass;
    }
}
