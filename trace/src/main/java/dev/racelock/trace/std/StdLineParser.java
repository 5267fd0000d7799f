package dev.racelock.trace.std;

/**
 * Splits one STD line, {@code thread|op(target)|location}, into its parts. Whitespace around
 * the parts is allowed; the location must be a decimal int (consumers such as RAPID reject
 * anything else there).
 */
final class StdLineParser {

    String thread;
    String op;
    String target;
    int location;

    /** @return null when the line parsed, else why not */
    String parse(String line) {
        int bar1 = line.indexOf('|');
        int bar2 = bar1 < 0 ? -1 : line.indexOf('|', bar1 + 1);
        if (bar1 < 0 || bar2 < 0 || line.indexOf('|', bar2 + 1) >= 0) {
            return "expected thread|operation(target)|location";
        }
        thread = line.substring(0, bar1).trim();
        String operation = line.substring(bar1 + 1, bar2).trim();
        String loc = line.substring(bar2 + 1).trim();
        if (thread.isEmpty()) {
            return "missing thread";
        }
        int open = operation.indexOf('(');
        if (open <= 0 || !operation.endsWith(")") || operation.indexOf(')') != operation.length() - 1
                || operation.indexOf('(', open + 1) >= 0) {
            return "expected operation(target) in the second field, got \"" + operation + "\"";
        }
        op = operation.substring(0, open).trim();
        target = operation.substring(open + 1, operation.length() - 1).trim();
        try {
            location = Integer.parseInt(loc);
        } catch (NumberFormatException e) {
            return "location \"" + loc + "\" is not an integer";
        }
        return null;
    }
}
