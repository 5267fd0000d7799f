package dev.racelock.analyzer.finding;

/**
 * The test of the recorded test suite during which a finding happened (docs/trace-format.md,
 * "Test markers").
 *
 * @param uniqueId    the test framework's unique id, e.g. JUnit's
 *                    {@code [engine:junit-jupiter]/[class:com.acme.CounterTest]/[method:racy()]}
 * @param className   the test class, or null when the framework names none
 * @param methodName  the test method, or null when the finding happened in a container (a
 *                    class's {@code @BeforeAll})
 * @param displayName what the framework shows for it, e.g. {@code racy()} or {@code [2] size=8}
 */
public record TestRef(String uniqueId, String className, String methodName, String displayName) {

    /** {@code com.acme.CounterTest.racy}, the class alone for a container, else the display name. */
    public String name() {
        if (className == null) {
            return displayName;
        }
        return methodName == null ? className : className + "." + methodName;
    }
}
