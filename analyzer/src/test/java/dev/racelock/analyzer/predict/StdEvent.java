package dev.racelock.analyzer.predict;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of an STD trace as the oracles read it, by plain string splitting (independent of the
 * trace module's reader): thread, operation, target.
 */
record StdEvent(int index, String thread, String op, String target) {

    static List<StdEvent> parse(List<String> lines) {
        List<StdEvent> events = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\\|");
            int open = f[1].indexOf('(');
            events.add(new StdEvent(events.size(), f[0], f[1].substring(0, open), f[1].substring(open + 1, f[1].length() - 1)));
        }
        return events;
    }

    boolean access() {
        return op.equals("r") || op.equals("w");
    }

    boolean conflicts(StdEvent o) {
        if (thread.equals(o.thread) || !target.equals(o.target)) {
            return false;
        }
        return switch (op) {
            case "r" -> o.op.equals("w");
            case "w" -> o.op.equals("r") || o.op.equals("w");
            case "vr" -> o.op.equals("vw");
            case "vw" -> o.op.equals("vr") || o.op.equals("vw");
            case "hba" -> o.op.equals("hbr");
            case "hbr" -> o.op.equals("hba") || o.op.equals("hbr");
            default -> false;
        };
    }
}
