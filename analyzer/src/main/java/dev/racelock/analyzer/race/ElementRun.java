package dev.racelock.analyzer.race;

/**
 * Elements {@code [start, end)} of one array that share one {@link AccessState}: every access so
 * far touched all of them or none. A node of its {@link ArrayShadow}'s search tree (a treap on
 * {@code start}) and of its list of runs in index order.
 */
final class ElementRun extends AccessState {

    int start;
    int end;
    ElementRun prev;
    ElementRun next;
    ElementRun left;
    ElementRun right;
    final int priority;

    ElementRun(int start, int end, int priority) {
        this.start = start;
        this.end = end;
        this.priority = priority;
    }

    int length() {
        return end - start;
    }
}
