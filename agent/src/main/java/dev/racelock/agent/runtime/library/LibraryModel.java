package dev.racelock.agent.runtime.library;

import java.text.DateFormat;
import java.text.Format;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * The one table of the JDK library model (docs/library-model.md): which JDK classes are not
 * thread-safe and so are modelled, and what each of their methods does to an instance's
 * abstract state. A call made from recorded code on a modelled instance is a read or a write of
 * that state (one location per instance), so two threads calling {@code put} and {@code get}
 * on one {@code HashMap} with nothing ordering them race as two accesses to one field do.
 *
 * <p>Each row names methods of one type by name (every overload); it applies to every modelled
 * class that type is a supertype of, and to calls whose static type is that type (a
 * {@code Map.put}, checked at run time against the receiver's class). {@code LibraryModelTest}
 * resolves every name against its type on the JDK the tests run on (17 and 25).
 *
 * <p>Not modelled: unmodifiable and concurrent collections (safe), {@code Vector},
 * {@code Hashtable}, {@code StringBuffer} and the {@code Collections.synchronizedX} wrappers
 * (their methods lock).
 */
public final class LibraryModel {

    /** What a method does to the abstract state of its receiver. */
    public enum Effect {
        /** A query: reads the state. */
        READ,
        /** A mutator: writes the state. */
        WRITE,
        /**
         * Reads the state and returns an object that shares it (a view, a sub-list, an
         * iterator): calls on that object are accesses to the same state.
         */
        VIEW
    }

    /** Methods of {@code type}, by name, and their effect. */
    public record Row(Class<?> type, Effect effect, List<String> methods) {
        Row(Class<?> type, Effect effect, String... methods) {
            this(type, effect, List.of(methods));
        }
    }

    /**
     * The modelled classes, most specific first (a receiver is modelled by the first one its
     * class extends); a class's position is its index in the trace's naming (at most 64).
     * {@code DateFormat} and {@code NumberFormat} stand for every subclass (DecimalFormat,
     * ChoiceFormat, ...).
     */
    public static final List<Class<?>> CLASSES = List.of(
            LinkedHashMap.class, HashMap.class, WeakHashMap.class, TreeMap.class, IdentityHashMap.class, EnumMap.class,
            ArrayList.class, LinkedList.class, ArrayDeque.class, PriorityQueue.class,
            LinkedHashSet.class, HashSet.class, TreeSet.class, BitSet.class, StringBuilder.class,
            SimpleDateFormat.class, DateFormat.class, NumberFormat.class, Matcher.class);

    /** Every row; a name may appear under several types (the effect is the same). */
    public static final List<Row> ROWS = List.of(
            new Row(Map.class, Effect.READ, "get", "containsKey", "containsValue", "size", "isEmpty", "getOrDefault",
                    "forEach", "equals", "hashCode"),
            new Row(Map.class, Effect.WRITE, "put", "remove", "clear", "putAll", "putIfAbsent", "compute",
                    "computeIfAbsent", "computeIfPresent", "merge", "replace", "replaceAll"),
            new Row(Map.class, Effect.VIEW, "keySet", "values", "entrySet"),
            new Row(SortedMap.class, Effect.READ, "firstKey", "lastKey", "comparator"),
            new Row(SortedMap.class, Effect.VIEW, "headMap", "tailMap", "subMap"),
            new Row(NavigableMap.class, Effect.READ, "lowerEntry", "lowerKey", "floorEntry", "floorKey", "ceilingEntry",
                    "ceilingKey", "higherEntry", "higherKey", "firstEntry", "lastEntry"),
            new Row(NavigableMap.class, Effect.WRITE, "pollFirstEntry", "pollLastEntry"),
            new Row(NavigableMap.class, Effect.VIEW, "descendingMap", "navigableKeySet", "descendingKeySet"),
            new Row(Iterable.class, Effect.READ, "forEach"),
            new Row(Iterable.class, Effect.VIEW, "iterator", "spliterator"),
            new Row(Collection.class, Effect.READ, "size", "isEmpty", "contains", "containsAll", "toArray", "stream",
                    "parallelStream", "equals", "hashCode"),
            new Row(Collection.class, Effect.WRITE, "add", "remove", "addAll", "removeAll", "retainAll", "clear",
                    "removeIf"),
            new Row(List.class, Effect.READ, "get", "indexOf", "lastIndexOf"),
            new Row(List.class, Effect.WRITE, "set", "sort", "replaceAll"),
            new Row(List.class, Effect.VIEW, "listIterator", "subList"),
            new Row(ArrayList.class, Effect.WRITE, "ensureCapacity", "trimToSize"),
            new Row(Queue.class, Effect.READ, "peek", "element"),
            new Row(Queue.class, Effect.WRITE, "offer", "poll"),
            new Row(Deque.class, Effect.READ, "peekFirst", "peekLast", "getFirst", "getLast"),
            new Row(Deque.class, Effect.WRITE, "addFirst", "addLast", "offerFirst", "offerLast", "removeFirst",
                    "removeLast", "pollFirst", "pollLast", "push", "pop", "removeFirstOccurrence",
                    "removeLastOccurrence"),
            new Row(Deque.class, Effect.VIEW, "descendingIterator"),
            new Row(SortedSet.class, Effect.READ, "first", "last", "comparator"),
            new Row(SortedSet.class, Effect.VIEW, "headSet", "tailSet", "subSet"),
            new Row(NavigableSet.class, Effect.READ, "lower", "floor", "ceiling", "higher"),
            new Row(NavigableSet.class, Effect.WRITE, "pollFirst", "pollLast"),
            new Row(NavigableSet.class, Effect.VIEW, "descendingSet"),
            new Row(Iterator.class, Effect.READ, "next", "hasNext", "forEachRemaining"),
            new Row(Iterator.class, Effect.WRITE, "remove"),
            new Row(ListIterator.class, Effect.READ, "previous", "hasPrevious", "nextIndex", "previousIndex"),
            new Row(ListIterator.class, Effect.WRITE, "set", "add"),
            new Row(BitSet.class, Effect.READ, "get", "nextSetBit", "nextClearBit", "previousSetBit",
                    "previousClearBit", "length", "size", "isEmpty", "intersects", "cardinality", "toByteArray",
                    "toLongArray", "stream", "equals", "hashCode", "toString"),
            new Row(BitSet.class, Effect.WRITE, "set", "clear", "flip", "and", "or", "xor", "andNot"),
            new Row(CharSequence.class, Effect.READ, "length", "charAt", "subSequence", "chars", "codePoints",
                    "toString"),
            new Row(Appendable.class, Effect.WRITE, "append"),
            new Row(StringBuilder.class, Effect.READ, "indexOf", "lastIndexOf", "substring", "codePointAt",
                    "codePointBefore", "codePointCount", "getChars", "capacity", "compareTo"),
            new Row(StringBuilder.class, Effect.WRITE, "append", "insert", "delete", "deleteCharAt", "replace",
                    "reverse", "setLength", "setCharAt", "ensureCapacity", "trimToSize", "appendCodePoint"),
            // format() writes too: SimpleDateFormat.format sets its Calendar to the date, and
            // DecimalFormat.format fills its DigitList (both javadocs: "not synchronized").
            new Row(Format.class, Effect.WRITE, "format", "parseObject"),
            new Row(DateFormat.class, Effect.WRITE, "format", "parse", "setCalendar", "setNumberFormat",
                    "setTimeZone", "setLenient"),
            new Row(DateFormat.class, Effect.READ, "getCalendar", "getNumberFormat", "getTimeZone", "isLenient"),
            new Row(SimpleDateFormat.class, Effect.WRITE, "applyPattern", "applyLocalizedPattern",
                    "set2DigitYearStart", "setDateFormatSymbols"),
            new Row(SimpleDateFormat.class, Effect.READ, "toPattern", "toLocalizedPattern", "get2DigitYearStart",
                    "getDateFormatSymbols"),
            new Row(NumberFormat.class, Effect.WRITE, "format", "parse", "setGroupingUsed",
                    "setMaximumFractionDigits", "setMinimumFractionDigits", "setMaximumIntegerDigits",
                    "setMinimumIntegerDigits", "setParseIntegerOnly", "setRoundingMode", "setCurrency"),
            new Row(NumberFormat.class, Effect.READ, "isGroupingUsed", "getMaximumFractionDigits",
                    "getMinimumFractionDigits", "getMaximumIntegerDigits", "getMinimumIntegerDigits",
                    "isParseIntegerOnly", "getRoundingMode", "getCurrency"),
            // a Matcher's match state (positions, groups) is what find/matches/reset write
            new Row(MatchResult.class, Effect.READ, "group", "start", "end", "groupCount"),
            new Row(Matcher.class, Effect.READ, "hitEnd", "requireEnd", "pattern", "regionStart", "regionEnd",
                    "hasTransparentBounds", "hasAnchoringBounds", "toMatchResult", "toString"),
            new Row(Matcher.class, Effect.WRITE, "matches", "find", "lookingAt", "reset", "region", "usePattern",
                    "useTransparentBounds", "useAnchoringBounds", "appendReplacement", "appendTail", "replaceAll",
                    "replaceFirst", "results"));

    private LibraryModel() {}

    /** The index in {@link #CLASSES} of the modelled class {@code type} extends, or -1. */
    public static int modelOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            int i = CLASSES.indexOf(c);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The effect of {@code name} called on a receiver whose static type is {@code type} (a
     * modelled class or a type of a row), or null when the table does not name it there.
     */
    public static Effect effect(Class<?> type, String name) {
        for (Row row : ROWS) {
            if (row.type().isAssignableFrom(type) && row.methods().contains(name)) {
                return row.effect();
            }
        }
        return null;
    }

    /** The types rows are written for (a call naming one of them is checked at run time). */
    public static boolean isRowType(Class<?> type) {
        for (Row row : ROWS) {
            if (row.type() == type) {
                return true;
            }
        }
        return false;
    }
}
