package dev.racelock.cli;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.Analyzer;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.format.TraceStreamReader;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The traces of {@code racelock run} analyzed while the target runs: a loopback port that every
 * recorded JVM's agent connects to ({@code stream=PORT}) and sends its trace through, each
 * connection read into its own {@link AnalysisSession} on its own thread as the trace comes
 * (TraceStreamReader). Nothing is written to disk; the reader holds the trace between two of the
 * agent's drains (docs/trace-format.md, "Streaming"), and an agent whose reader lags waits for it.
 *
 * <p>Call {@link #finish()} once the target has exited: it takes up the connections still
 * waiting to be accepted (a JVM connects before its program starts, so every JVM the target ran
 * has connected by then), waits for every trace to end, and merges the findings.
 */
final class StreamedTraces implements AutoCloseable {

    /** How often the acceptor looks for a new connection: a JVM starts in far more than this. */
    private static final long ACCEPT_POLL_MILLIS = 20;

    private final ServerSocketChannel server;
    private final List<Function<TraceState, ? extends Analysis>> analyses;
    private final Thread acceptor;
    private final List<Connection> connections = new ArrayList<>();
    private volatile boolean finishing;
    private volatile IOException acceptFailure;

    /** One agent's trace, read on its own thread. */
    private static final class Connection {
        final SocketChannel channel;
        final AnalysisSession session;
        final Thread reader;
        final int order;
        /** Why reading stopped other than at the trace's end or damage (an I/O error, out of memory, a bug). */
        volatile Throwable failure;

        Connection(SocketChannel channel, AnalysisSession session, int order) {
            this.channel = channel;
            this.session = session;
            this.order = order;
            this.reader = new Thread(this::read, "racelock-stream-" + order);
            reader.setDaemon(true);
        }

        private void read() {
            try (channel) {
                TraceEnd end = TraceStreamReader.read(new EndAtReset(channel), "the trace of JVM connection " + order,
                        session, ReadProgress.NONE);
                if (session.traceEnd() == null) {
                    session.end(end);
                }
            } catch (Exception | Error e) { // Error: out of memory, rethrown by finish on the command's thread
                failure = e;
            }
        }

        long pid() {
            return session.header() == null ? Long.MAX_VALUE : session.header().pid();
        }
    }

    /**
     * A connection the recorded JVM reset ends its trace there, as one it closed does: the
     * reader reports where the trace was cut, as for the file of a killed JVM.
     */
    private record EndAtReset(SocketChannel channel) implements ReadableByteChannel {
        @Override
        public int read(ByteBuffer dst) {
            try {
                return channel.read(dst);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private StreamedTraces(ServerSocketChannel server, List<Function<TraceState, ? extends Analysis>> analyses) {
        this.server = server;
        this.analyses = analyses;
        this.acceptor = new Thread(this::acceptAll, "racelock-stream-acceptor");
        acceptor.setDaemon(true);
    }

    /** Listens on a free loopback port for the agents of one run. */
    static StreamedTraces listen(List<Function<TraceState, ? extends Analysis>> analyses) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        StreamedTraces traces = new StreamedTraces(server, analyses);
        traces.acceptor.start();
        return traces;
    }

    /** The port the agents send their traces to. */
    int port() {
        return server.socket().getLocalPort();
    }

    private void acceptAll() {
        try {
            while (true) {
                SocketChannel channel = server.accept();
                if (channel != null) {
                    channel.configureBlocking(true);
                    Connection c;
                    synchronized (connections) {
                        c = new Connection(channel, new AnalysisSession(analyses), connections.size());
                        connections.add(c);
                    }
                    c.reader.start();
                } else if (finishing) {
                    return; // the target has exited and no connection is left waiting
                } else {
                    TimeUnit.MILLISECONDS.sleep(ACCEPT_POLL_MILLIS);
                }
            }
        } catch (IOException e) {
            acceptFailure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After the target exited: waits for every trace to end and merges their findings, ordered
     * by the recorded JVM's pid.
     *
     * @return null when no JVM connected
     * @throws IOException reading a trace failed, or it is not a trace (TraceFormatException)
     */
    AnalysisResult finish() throws IOException, InterruptedException {
        finishing = true;
        acceptor.join();
        if (acceptFailure != null) {
            throw acceptFailure;
        }
        List<Connection> all;
        synchronized (connections) {
            all = new ArrayList<>(connections);
        }
        if (all.isEmpty()) {
            return null;
        }
        for (Connection c : all) {
            c.reader.join();
        }
        all.sort(Comparator.comparingLong(Connection::pid).thenComparingInt(c -> c.order));
        List<Analyzer.NamedResult> results = new ArrayList<>();
        for (Connection c : all) {
            if (c.failure instanceof IOException e) {
                throw e;
            } else if (c.failure instanceof RuntimeException e) {
                throw e;
            } else if (c.failure instanceof Error e) {
                throw e;
            } else if (c.failure != null) {
                throw new IllegalStateException(c.failure);
            }
            String name = "JVM " + (c.pid() == Long.MAX_VALUE ? "connection " + c.order : "pid " + c.pid())
                    + " (streamed)";
            results.add(new Analyzer.NamedResult(name, name, c.session.result()));
        }
        return Analyzer.merge(results);
    }

    /** Stops listening and drops every connection (a failed run): their agents stop sending. */
    @Override
    public void close() throws IOException {
        finishing = true;
        server.close();
        synchronized (connections) {
            for (Connection c : connections) {
                c.channel.close();
            }
        }
    }
}
