package dev.racelock.agent.instrument;

/** A field access resolved at transform time: its dictionary id and whether it synchronizes. */
record ResolvedField(int id, boolean isVolatile) {}
