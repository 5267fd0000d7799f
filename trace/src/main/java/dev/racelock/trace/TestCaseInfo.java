package dev.racelock.trace;

/**
 * A test of the recorded program's test suite, named so that a finding can say during which test
 * it happened (the JUnit Platform listener of {@code racelock-junit} defines one per test or
 * container it sees start; docs/trace-format.md, "Test markers").
 *
 * @param id          dense id within the trace, referred to by test start/end events
 * @param uniqueId    the test framework's unique id (JUnit Platform's {@code UniqueId}), e.g.
 *                    {@code [engine:junit-jupiter]/[class:com.acme.CounterTest]/[method:racy()]}
 * @param className   the test class's binary name, or null when the framework names none
 * @param methodName  the test method's name, or null for a container (a class's
 *                    {@code @BeforeAll} runs inside its class container)
 * @param displayName what the framework shows, e.g. {@code racy()} or {@code [2] size=8}
 */
public record TestCaseInfo(int id, String uniqueId, String className, String methodName, String displayName)
        implements DictionaryEntry {}
