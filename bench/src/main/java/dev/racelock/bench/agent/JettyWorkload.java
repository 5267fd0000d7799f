package dev.racelock.bench.agent;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty 12 on loopback: a server whose handler answers {@code GET /data/n} with a body that is a
 * function of {@code n} (256 to 4,351 bytes), and several threads sending requests through one
 * shared Jetty {@link HttpClient}, each waiting for its response. Server and client use their own
 * thread pools, selectors and connection pools, as a service calling another would.
 *
 * <p>Self-checking: each thread sums the bytes of the bodies it receives; the run fails unless
 * the sum equals the one computed from the same function.
 *
 * <p>Usage: {@code JettyWorkload [threads] [requests per thread] [seed]}
 */
public final class JettyWorkload {

    static final int DEFAULT_REQUESTS = 4_000;
    private static final String PREFIX = "/data/";

    private JettyWorkload() {}

    public static void main(String[] args) throws Exception {
        WorkloadArgs a = WorkloadArgs.parse(args, DEFAULT_REQUESTS);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new DataHandler());
        server.start();
        HttpClient client = new HttpClient();
        client.start();
        try {
            String base = "http://127.0.0.1:" + connector.getLocalPort() + PREFIX;
            WorkloadCheck.Timed run = WorkloadCheck.run("jetty", a, (t, random) -> {
                long sum = 0;
                long computed = 0;
                for (int i = 0; i < a.size(); i++) {
                    int n = random.nextInt(1_000_000);
                    ContentResponse response = client.GET(base + n);
                    if (response.getStatus() != 200) {
                        throw new IllegalStateException("GET " + n + ": status " + response.getStatus());
                    }
                    sum += byteSum(response.getContent());
                    computed += byteSum(body(n));
                }
                return new WorkloadCheck.Sums(sum, computed);
            });
            WorkloadCheck.finish("jetty", a, run);
        } finally {
            client.stop();
            server.stop();
        }
    }

    /** The body served for {@code n}: its length and every byte follow from {@code n}. */
    static byte[] body(int n) {
        byte[] body = new byte[256 + n % 4_096];
        int x = n;
        for (int i = 0; i < body.length; i++) {
            x = x * 1_103_515_245 + 12_345;
            body[i] = (byte) (x >>> 16);
        }
        return body;
    }

    private static long byteSum(byte[] bytes) {
        long sum = 0;
        for (byte b : bytes) {
            sum += b & 0xFF;
        }
        return sum;
    }

    /** Serves {@code GET /data/n}; anything else is a 404. */
    private static final class DataHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = request.getHttpURI().getPath();
            if (!path.startsWith(PREFIX)) {
                return false;
            }
            byte[] body = body(Integer.parseInt(path.substring(PREFIX.length())));
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
