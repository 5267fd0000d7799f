package dev.racelock.agent.instrument;

/**
 * A field access resolved at transform time: its dictionary id, whether it synchronizes, and
 * whether it is final (not recorded: a final field is written once before the object is
 * published, and JLS 17.5 makes that write visible to every reader of a properly published
 * object; static finals are ordered by class initialization).
 */
/* Final fields still get an id: the field a lock was loaded from names its lock class. */
record ResolvedField(int id, boolean isVolatile, boolean isFinal) {}
