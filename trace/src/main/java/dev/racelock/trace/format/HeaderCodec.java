package dev.racelock.trace.format;

import dev.racelock.trace.TraceHeader;

/** The payload of the header block (docs/trace-format.md, "Header block"). */
final class HeaderCodec {

    private static final int RECORDS_MEMORY = 1;
    private static final int RECORDS_STACKS = 2;
    private static final int OWNED_ACCESSES = 4;

    private HeaderCodec() {}

    static void encode(TraceHeader header, PayloadBuilder out) {
        out.signedLong(header.pid());
        out.signedLong(header.startMillis());
        out.string(header.javaVersion());
        out.string(header.command());
        out.string(header.agentOptions());
        out.u8((header.recordsMemory() ? RECORDS_MEMORY : 0) | (header.recordsStacks() ? RECORDS_STACKS : 0)
                | (header.mayHoldOwnedAccesses() ? OWNED_ACCESSES : 0));
    }

    static TraceHeader decode(PayloadDecoder in, int majorVersion) {
        long pid = in.signedLong();
        long startMillis = in.signedLong();
        String javaVersion = in.string();
        String command = in.string();
        String agentOptions = in.string();
        int flags = in.u8();
        return new TraceHeader(majorVersion, pid, startMillis, javaVersion, command, agentOptions,
                (flags & RECORDS_MEMORY) != 0, (flags & RECORDS_STACKS) != 0, (flags & OWNED_ACCESSES) != 0);
    }
}
