package cn.mingjie.geocore.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP/1.1 keep-alive load client for the benchmarks. The load generator shares the 2 cores
 * with the server, so it must cost little: one socket per client, requests written as bytes, answers
 * read by Content-Length or chunks and discarded (the JDK HttpClient costs about as much CPU per
 * request as the search itself).
 */
public final class HttpLoad {

    public record Outcome(long done, long failed, int seconds) {
        public double perSecond() {
            return done / (double) seconds;
        }
    }

    private HttpLoad() {}

    /** {@code clients} connections, each sending the paths in turn (from its own offset) for {@code seconds}. */
    public static Outcome run(int port, List<String> paths, int clients, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int offset = c * 97;
            pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < deadline) {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
                        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                        boolean open = true;
                        while (open && System.nanoTime() < deadline) {
                            String path = paths.get(i++ % paths.size());
                            out.write(
                                    ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
                                            .getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            int status = readResponse(in);
                            // A 200 with "Connection: close" (Tomcat closes every 100th keep-alive request) is
                            // an answer too; the client then reconnects.
                            (Math.abs(status) == 200 ? done : failed).incrementAndGet();
                            open = status > 0;
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        return new Outcome(done.get(), failed.get(), seconds);
    }

    /** Reads one response, discarding the body; the status, or its negative if the server closes. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h; !(h = line(in)).isEmpty(); ) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(line(in).split(";")[0].strip(), 16)) > 0; ) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return close ? -status : status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException();
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long k = in.skip(n);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                k = 1;
            }
            n -= k;
        }
    }
}
