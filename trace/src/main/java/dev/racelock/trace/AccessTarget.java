package dev.racelock.trace;

/**
 * What a plain access ({@link EventVisitor#access}) touches. Ints rather than an enum so that the
 * target travels as a primitive through the per-event calls, and an analysis switches on it.
 */
public final class AccessTarget {
    /** A field ({@link EventVisitor#read}, {@link EventVisitor#write}): the slot is the field id. */
    public static final int FIELD = 0;
    /** One array element ({@link EventVisitor#arrayRead}, {@link EventVisitor#arrayWrite}): the slot is its index. */
    public static final int ELEMENT = 1;
    /**
     * {@code length} consecutive elements from the slot ({@link EventVisitor#arrayRangeRead},
     * {@link EventVisitor#arrayRangeWrite}).
     */
    public static final int RANGE = 2;

    private AccessTarget() {}
}
