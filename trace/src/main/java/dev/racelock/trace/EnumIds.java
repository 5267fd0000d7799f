package dev.racelock.trace;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * The ids of enums that users name in lower case (report formats, finding types): a constant's
 * id is its name in lower case with {@code -} for {@code _} ({@code DATA_RACE} is
 * {@code data-race}), so an id can never drift from the constant it names. Used by every module
 * whose enums appear on the command line, in Maven parameters, in reports and in files.
 */
public final class EnumIds {

    private EnumIds() {
    }

    /** The id of {@code constant}: {@code DATA_RACE} is {@code data-race}. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} whose id is {@code id}, in any case.
     *
     * @param what what the constants are, for the error ({@code "format"})
     * @throws IllegalArgumentException naming {@code id} and the accepted ids, in declaration order
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String what, String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (of(constant).equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "' (expected " + accepted(constants) + ")");
    }

    /** The ids of {@code constants} as a sentence reads them: {@code text, json or html}. */
    private static String accepted(Enum<?>[] constants) {
        StringJoiner list = new StringJoiner(", ");
        for (int i = 0; i < constants.length - 1; i++) {
            list.add(of(constants[i]));
        }
        String last = of(constants[constants.length - 1]);
        return constants.length == 1 ? last : list + " or " + last;
    }
}
