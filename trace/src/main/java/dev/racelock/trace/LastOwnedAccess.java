package dev.racelock.trace;

/**
 * What a thread's end says of its owned accesses (trace format 2.5; docs/trace-format.md,
 * "Thread end"): how many releases the thread had made when it last kept an access beside an
 * object it owned, instead of recording it (the ownership filter; EventVisitor#ownedWrite).
 * Such an access may reach the trace after the thread ended, when a second thread touches the
 * object, dated by that count; an analysis that hands the ended thread's clock entry to a later
 * thread needs to know how late an epoch can still come. Any other value is that count.
 */
public final class LastOwnedAccess {
    /** The thread kept no access beside an object: none of its accesses can come late. */
    public static final int NONE = -1;
    /** The trace does not say (format before 2.5, or an STD trace): any epoch of the thread may come late. */
    public static final int UNKNOWN = Integer.MAX_VALUE;

    private LastOwnedAccess() {}
}
