package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.ThreadHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The call-site redirection table: an invoke instruction in application code that matches an
 * entry is replaced by an {@code invokestatic} of the entry's hook. The hook takes the original
 * receiver (for instance methods) and arguments, then {@code int site} and the caller's
 * {@code ThreadContext}, and returns what the original returns; it records and calls the
 * original. Extend by {@link #register}ing more entries (java.util.concurrent locks, atomics,
 * executors ...); see docs/agent.md.
 */
public final class CallSiteHooks {

    /** How an entry's owner is matched against the owner named by the instruction. */
    public enum OwnerMatch {
        /** The instruction names exactly this owner. */
        EXACT,
        /** This owner or any subclass (resolved from class files, never by loading). */
        SUBCLASSES,
        /** This owner, a subclass or an implementing class: for interfaces such as Lock and Future. */
        SUBTYPES,
        /** Any owner: for final methods of java.lang.Object such as wait. */
        ANY
    }

    /**
     * @param receiver the hook's first parameter type for an instance method (a supertype of
     *                 every matched owner), or null for a static method
     */
    public record Hook(String owner, OwnerMatch match, String name, String descriptor, boolean virtualOnly,
                       String receiver, Class<?> hooks, String hookName) {

        /** The internal name of the class declaring the hook. */
        public String hookOwner() {
            return Type.getInternalName(hooks);
        }

        /** The hook's descriptor: receiver, original arguments, site, context. */
        public String hookDescriptor() {
            int close = descriptor.indexOf(')');
            String receiverPart = receiver == null ? "" : "L" + receiver + ";";
            return "(" + receiverPart + descriptor.substring(1, close) + "I" + Emit.CONTEXT_DESC
                    + descriptor.substring(close);
        }
    }

    /**
     * Emits a call left in place with recording code around it (atomics, VarHandles, array
     * copies): for call families too large or too polymorphic for one hook per signature.
     */
    public interface Probe {
        /** True if {@link #emit} would emit recording around this call (memory: mode=full). */
        boolean applies(int opcode, String owner, String name, String descriptor, boolean memory);

        /** Emits the call and its recording into {@code mv}; false (nothing emitted) if this probe does not apply. */
        boolean emit(MethodVisitor mv, ProbeSite at, int opcode, String owner, String name, String descriptor,
                     boolean isInterface);
    }

    /**
     * Where a probe emits: the call's site id, the local holding the ThreadContext, the first
     * local the probe may use as scratch (dead after the call), how to resolve owners, and
     * whether memory accesses are recorded (mode=full; in mode=locks they are not).
     */
    public record ProbeSite(int site, int contextSlot, int freeLocal, ClassLoader loader, ClassHierarchy hierarchy,
                            boolean memory) {}

    /**
     * A constructor call whose last argument (a reference) is passed through
     * {@code hookOwner.hookName(argument, int site, ThreadContext)} first; the call itself stays
     * (the object under construction cannot be passed to a hook). For arguments the constructed
     * object keeps to itself, such as a CyclicBarrier's barrier action.
     */
    public record ArgumentFilter(String owner, String descriptor, Class<?> hooks, String hookName) {

        /** The internal name of the class declaring the hook. */
        public String hookOwner() {
            return Type.getInternalName(hooks);
        }

        public String hookDescriptor() {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            String argument = arguments[arguments.length - 1].getDescriptor();
            return "(" + argument + "I" + Emit.CONTEXT_DESC + ")" + argument;
        }
    }

    /**
     * Calls inserted at the start of, and before every return from, each method that implements
     * {@code name} (descriptor starting with {@code descriptorPrefix}) in a subclass of
     * {@code ancestor}: for bodies the JDK runs as a task, such as {@code ForkJoinTask.compute}.
     * Each hook takes the receiver, {@code int site} and the {@code ThreadContext}.
     */
    public record BodyHook(String ancestor, String name, String descriptorPrefix, Class<?> hooks, String atStart,
                           String beforeReturn) {

        /** The internal name of the class declaring the hooks. */
        public String hookOwner() {
            return Type.getInternalName(hooks);
        }

        public String hookDescriptor() {
            return "(Ljava/lang/Object;I" + Emit.CONTEXT_DESC + ")V";
        }
    }

    /**
     * Records around a call without replacing it: its code runs before and after whatever then
     * emits the call (a hook, a probe or the plain instruction), so a model can look at calls
     * another table also redirects (a {@code HashMap.put} is also a {@code Map.put} that the
     * concurrent-map hooks check).
     */
    public interface CallObserver {
        /**
         * True if this observer records around the call; owners resolved from class files, never
         * by loading. {@code memory}: memory accesses are recorded (mode=full).
         */
        boolean observes(int opcode, String owner, String name, String descriptor, boolean memory, ClassLoader loader,
                         ClassHierarchy hierarchy);

        /**
         * Emits what runs before the call: the receiver and the arguments are on the stack and
         * must be there again, unchanged, when this code has run. No branch.
         *
         * @return how many locals from {@code at.freeLocal()} it keeps until {@link #after}
         */
        int before(MethodVisitor mv, ObservedCall at, int opcode, String owner, String name, String descriptor);

        /** Emits what runs after the call returned normally: its result, if any, is on the stack and must stay. */
        void after(MethodVisitor mv, ObservedCall at, int opcode, String owner, String name, String descriptor);

        /**
         * True if an instance of class {@code type} (an internal name) that a method makes with
         * {@code new} and never lets out of it needs no observing: the class's constructors and
         * methods keep the instance to themselves, so no other thread can reach it
         * ({@link ConfinedReceivers}). False by default.
         */
        default boolean keepsInstancesToThemselves(String type) {
            return false;
        }
    }

    /**
     * Where an observer emits.
     *
     * @param calledSite    a site of this call that names the called method (SiteInfo.calledMethod)
     * @param receiverField the field the receiver was loaded from ({@code byName} in
     *                      {@code byName.put(k, v)}, also through a local), or -1
     * @param contextSlot   the local holding the ThreadContext
     * @param freeLocal     the first local the observer may use as scratch (dead after the call)
     */
    public record ObservedCall(int calledSite, int receiverField, int contextSlot, int freeLocal) {}

    private final List<CallObserver> observers = new ArrayList<>();

    public CallSiteHooks register(CallObserver observer) {
        observers.add(observer);
        return this;
    }

    /** The first observer that records around this call, or null. */
    CallObserver observer(int opcode, String owner, String name, String descriptor, boolean memory,
                          ClassLoader loader, ClassHierarchy hierarchy) {
        if (opcode == Opcodes.INVOKESTATIC || name.equals("<init>")) {
            return null;
        }
        for (CallObserver o : observers) {
            if (o.observes(opcode, owner, name, descriptor, memory, loader, hierarchy)) {
                return o;
            }
        }
        return null;
    }

    /** True if some observer says {@code type}'s instances keep to themselves ({@link CallObserver#keepsInstancesToThemselves}). */
    boolean keepsInstancesToThemselves(String type) {
        for (CallObserver o : observers) {
            if (o.keepsInstancesToThemselves(type)) {
                return true;
            }
        }
        return false;
    }

    /** Every call observer of the table. */
    public List<CallObserver> observers() {
        return List.copyOf(observers);
    }

    private final List<BodyHook> bodyHooks = new ArrayList<>();

    public CallSiteHooks register(BodyHook hook) {
        bodyHooks.add(hook);
        return this;
    }

    /** The body hook of an instance method {@code name descriptor} whose class's superclass is {@code superName}, or null. */
    BodyHook bodyHook(String name, String descriptor, Predicate<String> subclassOf) {
        for (BodyHook hook : bodyHooks) {
            if (hook.name().equals(name) && descriptor.startsWith(hook.descriptorPrefix())
                    && subclassOf.test(hook.ancestor())) {
                return hook;
            }
        }
        return null;
    }

    /** Every body hook of the table. */
    public List<BodyHook> bodyHooks() {
        return List.copyOf(bodyHooks);
    }

    private final Map<String, ArgumentFilter> argumentFilters = new HashMap<>();

    public CallSiteHooks register(ArgumentFilter filter) {
        argumentFilters.put(filter.owner() + filter.descriptor(), filter);
        return this;
    }

    /** The filter for this constructor call (the class it names exactly), or null. */
    ArgumentFilter argumentFilter(int opcode, String owner, String name, String descriptor) {
        if (opcode != Opcodes.INVOKESPECIAL || !name.equals("<init>") || argumentFilters.isEmpty()) {
            return null;
        }
        return argumentFilters.get(owner + descriptor);
    }

    private final Map<String, List<Hook>> byNameAndDescriptor = new HashMap<>();
    private final List<Probe> probes = new ArrayList<>();

    public CallSiteHooks register(Probe probe) {
        probes.add(probe);
        return this;
    }

    boolean probed(int opcode, String owner, String name, String descriptor, boolean memory) {
        for (Probe p : probes) {
            if (p.applies(opcode, owner, name, descriptor, memory)) {
                return true;
            }
        }
        return false;
    }

    /** Lets the first applicable probe emit the call; false if none applies. */
    boolean probe(MethodVisitor mv, ProbeSite at, int opcode, String owner, String name, String descriptor,
                  boolean isInterface) {
        for (Probe p : probes) {
            if (p.emit(mv, at, opcode, owner, name, descriptor, isInterface)) {
                return true;
            }
        }
        return false;
    }

    public CallSiteHooks register(Hook hook) {
        byNameAndDescriptor.computeIfAbsent(hook.name() + hook.descriptor(), k -> new ArrayList<>()).add(hook);
        return this;
    }

    /** The hook for this instruction, or null. */
    Hook find(int opcode, String owner, String name, String descriptor, ClassLoader loader, ClassHierarchy hierarchy) {
        List<Hook> candidates = byNameAndDescriptor.get(name + descriptor);
        if (candidates == null) {
            return null;
        }
        for (Hook hook : candidates) {
            if (hook.virtualOnly() && opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE) {
                continue;
            }
            boolean owned = switch (hook.match()) {
                case EXACT -> owner.equals(hook.owner());
                case ANY -> true;
                case SUBCLASSES -> owner.equals(hook.owner()) || hierarchy.isSubclassOf(loader, owner, hook.owner());
                case SUBTYPES -> owner.equals(hook.owner()) || hierarchy.isSubtypeOf(loader, owner, hook.owner());
            };
            if (owned) {
                return hook;
            }
        }
        return null;
    }

    /**
     * The core table: Thread start/join/isAlive, Object.wait, and System.arraycopy/Arrays.fill
     * as array ranges. The models of the JDK add theirs (instrument.juc).
     */
    public static CallSiteHooks core() {
        String thread = "java/lang/Thread";
        Class<?> hooks = ThreadHooks.class;
        CallSiteHooks table = new CallSiteHooks();
        for (String[] m : new String[][] {
                {"start", "()V"}, {"join", "()V"}, {"join", "(J)V"}, {"join", "(JI)V"}, {"isAlive", "()Z"}}) {
            table.register(new Hook(thread, OwnerMatch.SUBCLASSES, m[0], m[1], true, thread, hooks, m[0]));
        }
        // JDK 21+: virtual and platform threads started through the builder API
        table.register(new Hook(thread, OwnerMatch.EXACT, "startVirtualThread", "(Ljava/lang/Runnable;)Ljava/lang/Thread;",
                false, null, hooks, "startVirtualThread"));
        for (String builder : new String[] {
                "java/lang/Thread$Builder", "java/lang/Thread$Builder$OfVirtual", "java/lang/Thread$Builder$OfPlatform"}) {
            table.register(new Hook(builder, OwnerMatch.EXACT, "start", "(Ljava/lang/Runnable;)Ljava/lang/Thread;", true,
                    "java/lang/Object", hooks, "builderStart"));
        }
        for (String d : new String[] {"()V", "(J)V", "(JI)V"}) {
            table.register(new Hook("java/lang/Object", OwnerMatch.ANY, "wait", d, true, "java/lang/Object", hooks,
                    "wait"));
        }
        table.register(new ArrayRangeProbe());
        return table;
    }

    /** Every call-site hook of the table, grouped by name and descriptor: the table a test resolves. */
    public List<Hook> hooks() {
        List<Hook> all = new ArrayList<>();
        byNameAndDescriptor.values().forEach(all::addAll);
        return all;
    }

    /** Every constructor-argument filter of the table. */
    public List<ArgumentFilter> argumentFilters() {
        return List.copyOf(argumentFilters.values());
    }
}
