package dev.racelock.agent.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.SerialVersionUIDAdder;

/**
 * Class bytes in, instrumented class bytes out; no class loading, no Instrumentation: the
 * part of the agent unit tests can drive directly.
 */
public final class ClassTransformer {

    /** Everything a transformation consults. */
    public record Context(ClassLoader loader, InstrumentOptions options, Dictionary dictionary,
                          ClassHierarchy hierarchy, CallSiteHooks hooks, ClassFilter filter) {

        Context forLoader(ClassLoader classLoader) {
            return new Context(classLoader, options, dictionary, hierarchy, hooks, filter);
        }
    }

    /** The context of every transformation but the class loader, which each class brings. */
    private final Context shared;

    public ClassTransformer(InstrumentOptions options, Dictionary dictionary, ClassHierarchy hierarchy,
                            CallSiteHooks hooks, ClassFilter filter) {
        this.shared = new Context(null, options, dictionary, hierarchy, hooks, filter);
    }

    public ClassFilter filter() {
        return shared.filter();
    }

    /**
     * The instrumented class, or {@code original} itself when instrumenting would change nothing;
     * throws on anything ASM cannot handle (the caller leaves the class alone).
     */
    public byte[] transform(ClassLoader loader, String className, byte[] original) {
        ClassReader reader = new ClassReader(original);
        shared.hierarchy().remember(loader, className, original);
        boolean isInterface = (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
        String superName = reader.getSuperName();
        boolean carriesId = !isInterface && superName != null && !shared.filter().instruments(superName)
                && (reader.getAccess() & Opcodes.ACC_MODULE) == 0;
        Context context = shared.forLoader(loader);
        ClassPlan plan = new ClassPlan(reader, context, carriesId);
        if (plan.changesNothing() && !RuntimeDelegation.mentionsLoadClass(original)) {
            return original; // nothing to add, nothing to record: not even rewritten
        }
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        ClassVisitor chain = new ClassInstrumenter(new RuntimeDelegation(writer), context,
                ForeignMembers.of(reader, loader), plan);
        if (carriesId) {
            chain = new SerialVersionUIDAdder(Opcodes.ASM9, chain) {};
        }
        reader.accept(chain, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }
}
