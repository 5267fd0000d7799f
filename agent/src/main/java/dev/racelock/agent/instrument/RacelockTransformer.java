package dev.racelock.agent.instrument;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * The agent's ClassFileTransformer for application classes. The JVM swallows what a
 * transformer throws, so every failure is caught here: the class is left as it was and one
 * warning names it. Classes already loaded when the agent starts are not retransformed (an
 * id field cannot be added to a loaded class).
 */
public final class RacelockTransformer implements ClassFileTransformer {
    private final ClassTransformer transformer;
    private final Instrumentation instrumentation;
    private final Module runtimeModule;
    private final PrintStream err;

    public RacelockTransformer(ClassTransformer transformer, Instrumentation instrumentation, Module runtimeModule,
                               PrintStream err) {
        this.transformer = transformer;
        this.instrumentation = instrumentation;
        this.runtimeModule = runtimeModule;
        this.err = err;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || classBeingRedefined != null || className.contains("$$Lambda")
                || transformer.filter().neverInstrumented(className)) {
            return null;
        }
        try {
            if (!transformer.filter().instruments(className)) {
                return RuntimeDelegation.rewrite(classfileBuffer); // an excluded loader can define included classes
            }
            byte[] instrumented = transformer.transform(loader, className, classfileBuffer);
            if (instrumented == classfileBuffer) {
                return null; // left as it is
            }
            if (module != null && module.isNamed() && !module.canRead(runtimeModule)) {
                // code in a named module must read the bootstrap unnamed module to call the hooks
                instrumentation.redefineModule(module, Set.of(runtimeModule), Map.of(), Map.of(), Set.of(), Map.of());
            }
            return instrumented;
        } catch (Throwable t) {
            err.println("racelock: cannot instrument " + className.replace('/', '.') + " (" + t
                    + "); it runs unrecorded");
            return null;
        }
    }
}
