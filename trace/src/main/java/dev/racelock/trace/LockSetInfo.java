package dev.racelock.trace;

/**
 * A set of locks a thread held, as the agent names it in the accesses it writes out for an
 * object no second thread had touched (EventVisitor.ownedRead): a node of a tree whose root (id
 * 0) is the empty set and whose every other node adds one hold, innermost last, to its
 * parent's. The analyzer turns it into its own lock set (lock classes and the sites where each
 * lock was taken), as it would have built it from the lock events at the access.
 *
 * @param id     the node, 1, 2, 3, ... (0 is the empty set)
 * @param parent the set without this hold
 * @param lock   the lock object's id
 * @param site   where the thread took it (its outermost acquisition, or the wake-up of a wait)
 * @param flags  how: {@link LockFlags} (monitor, shared), never {@link LockFlags#WAIT}
 */
public record LockSetInfo(int id, int parent, long lock, int site, int flags) implements DictionaryEntry {}
