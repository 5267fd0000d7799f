package dev.racelock.trace;

/**
 * An entry of one of the trace's dictionaries, delivered before the first event that names it
 * ({@link EventVisitor#define}): what an id of an event stands for.
 */
public sealed interface DictionaryEntry
        permits ThreadInfo, MethodInfo, SiteInfo, FieldInfo, ObjectInfo, TestCaseInfo, ContextInfo, LockSetInfo {}
