package dev.racelock.agent.instrument;

import org.objectweb.asm.Opcodes;

import java.util.Map;

/** What every method of the class being transformed shares. */
final class MethodScope {
    final String className;
    final ClassLoader loader;
    final InstrumentOptions options;
    final Dictionary dictionary;
    /** Class-file version 50 or later: stack map frames are written (JVMS 4.7.4). */
    final boolean hasFrames;
    /** How this class's own Class object is pushed (static synchronized methods). */
    final ClassLiteral classLiteral;
    /** The transformation's hooks, hierarchy and filter (the classes that are instrumented). */
    private final ClassTransformer.Context context;

    MethodScope(String className, ClassTransformer.Context context, int classFileVersion) {
        this.className = className;
        this.context = context;
        this.loader = context.loader();
        this.options = context.options();
        this.dictionary = context.dictionary();
        this.hasFrames = (classFileVersion & 0xFFFF) >= Opcodes.V1_6;
        this.classLiteral = new ClassLiteral(className, classFileVersion);
    }

    /**
     * Volatility comes from the declaring class's file, found by walking up from the class the
     * instruction names. A field whose class file cannot be read is taken as plain.
     */
    ResolvedField resolveField(String owner, String name, String descriptor, boolean isStatic) {
        Map.Entry<String, Integer> declared = context.hierarchy().resolveField(loader, owner, name);
        String declaringClass = declared == null ? owner : declared.getKey();
        boolean isVolatile = declared != null && (declared.getValue() & Opcodes.ACC_VOLATILE) != 0;
        boolean isFinal = declared != null && (declared.getValue() & Opcodes.ACC_FINAL) != 0;
        return new ResolvedField(dictionary.field(declaringClass, name, descriptor, isVolatile, isStatic), isVolatile,
                isFinal);
    }

    /** True if something is recorded around or instead of this call: a hook, an observer, a probe or an argument filter. */
    boolean recordsCall(int opcode, String owner, String name, String descriptor) {
        return hook(opcode, owner, name, descriptor) != null || observer(opcode, owner, name, descriptor) != null
                || probed(opcode, owner, name, descriptor) || argumentFilter(opcode, owner, name, descriptor) != null;
    }

    CallSiteHooks.Hook hook(int opcode, String owner, String name, String descriptor) {
        return context.hooks().find(opcode, owner, name, descriptor, loader, context.hierarchy());
    }

    /** See {@link CallSiteHooks.CallObserver#keepsInstancesToThemselves}. */
    boolean keepsInstancesToThemselves(String type) {
        return context.hooks().keepsInstancesToThemselves(type);
    }

    /** The observer recording around this call, or null. */
    CallSiteHooks.CallObserver observer(int opcode, String owner, String name, String descriptor) {
        return context.hooks().observer(opcode, owner, name, descriptor, options.memory(), loader, context.hierarchy());
    }

    CallSiteHooks.ArgumentFilter argumentFilter(int opcode, String owner, String name, String descriptor) {
        return context.hooks().argumentFilter(opcode, owner, name, descriptor);
    }

    /** True if a probe would record around this call (see {@link CallSiteHooks.Probe#applies}). */
    boolean probed(int opcode, String owner, String name, String descriptor) {
        return context.hooks().probed(opcode, owner, name, descriptor, options.memory());
    }

    /** See {@link CallSiteHooks#probe}. */
    boolean probe(org.objectweb.asm.MethodVisitor mv, int site, int contextSlot, int freeLocal, int opcode,
                  String owner, String name, String descriptor, boolean isInterface) {
        return context.hooks().probe(mv, new CallSiteHooks.ProbeSite(site, contextSlot, freeLocal, loader,
                context.hierarchy(), options.memory()), opcode, owner, name, descriptor, isInterface);
    }

    /**
     * True if a getstatic/putstatic naming {@code owner} gets the class-initialization check:
     * an instrumented class that declares the field itself (ClassInitProbe).
     */
    boolean initializationChecked(String owner, String name) {
        if (context.filter() == null || !context.filter().instruments(owner)) {
            return false;
        }
        Map.Entry<String, Integer> declared = context.hierarchy().resolveField(loader, owner, name);
        return declared != null && declared.getKey().equals(owner);
    }

    boolean isSubclass(String superName, String ancestor) {
        return superName != null && context.hierarchy().isSubclassOf(loader, superName, ancestor);
    }

    boolean isThreadSubclass(String superName) {
        return superName != null && context.hierarchy().isSubclassOf(loader, superName, "java/lang/Thread");
    }
}
