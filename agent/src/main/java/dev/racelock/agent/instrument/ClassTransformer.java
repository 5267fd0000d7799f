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
                          ClassHierarchy hierarchy, CallSiteHooks hooks, ClassFilter filter) {}

    private final InstrumentOptions options;
    private final Dictionary dictionary;
    private final ClassHierarchy hierarchy;
    private final CallSiteHooks hooks;
    private final ClassFilter filter;

    public ClassTransformer(InstrumentOptions options, Dictionary dictionary, ClassHierarchy hierarchy,
                            CallSiteHooks hooks, ClassFilter filter) {
        this.options = options;
        this.dictionary = dictionary;
        this.hierarchy = hierarchy;
        this.hooks = hooks;
        this.filter = filter;
    }

    public ClassFilter filter() {
        return filter;
    }

    /** The instrumented class; throws on anything ASM cannot handle (the caller leaves the class alone). */
    public byte[] transform(ClassLoader loader, String className, byte[] original) {
        ClassReader reader = new ClassReader(original);
        hierarchy.remember(loader, className, original);
        boolean isInterface = (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
        String superName = reader.getSuperName();
        boolean carriesId = !isInterface && superName != null && !filter.instruments(superName)
                && (reader.getAccess() & Opcodes.ACC_MODULE) == 0;
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        Context context = new Context(loader, options, dictionary, hierarchy, hooks, filter);
        ClassVisitor chain = new ClassInstrumenter(new RuntimeDelegation(writer), context, carriesId,
                ForeignMembers.of(reader, loader));
        if (carriesId) {
            chain = new SerialVersionUIDAdder(Opcodes.ASM9, chain) {};
        }
        reader.accept(chain, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }
}
