package dev.palisade.proxy.log;

import java.io.PrintWriter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Decision lines written by a thread of their own. An event loop hands a line over and goes on;
 * the writer writes whatever has queued up and flushes once the queue is empty, so a burst of
 * lines becomes one {@code write(2)} instead of one per line (each cost an event loop 0.9–1.7 µs
 * of CPU into a pipe, under a lock all loops share), and a slow reader of stdout slows the writer,
 * not the proxy. Lines are never dropped: when {@code capacity} lines wait, handing one over waits
 * too. After {@link #close} (which writes everything queued), lines are written at once, so a
 * summary written during shutdown is not lost either.
 */
public final class BackgroundLineWriter implements Consumer<String>, AutoCloseable {
    /** Enough for a few milliseconds of a busy proxy's lines. */
    public static final int DEFAULT_CAPACITY = 8192;

    private static final String END = new String("end of lines"); // compared by identity

    private final PrintWriter out;
    private final BlockingQueue<String> queue;
    private final Thread writer;
    private volatile boolean closed;

    private BackgroundLineWriter(PrintWriter out, int capacity) {
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drain, "palisade-log-writer");
        writer.setDaemon(true);
    }

    /** Starts the writer thread; {@code out} is then written by it alone until {@link #close}. */
    public static BackgroundLineWriter start(PrintWriter out, int capacity) {
        BackgroundLineWriter lines = new BackgroundLineWriter(out, capacity);
        lines.writer.start();
        return lines;
    }

    @Override
    public void accept(String line) {
        if (!closed) {
            try {
                queue.put(line);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                writeNow(line);
                return;
            }
            if (closed) { // the writer may have stopped before this line arrived: write what is left here
                writeLeftovers();
            }
            return;
        }
        writeNow(line);
    }

    private void drain() {
        try {
            while (true) {
                String line = queue.take();
                synchronized (out) {
                    while (line != null) {
                        if (line == END) {
                            out.flush();
                            return;
                        }
                        write(line);
                        line = queue.poll();
                    }
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Without the flush {@code println} makes on an auto-flushing writer: the drain flushes once per batch. */
    private void write(String line) {
        out.write(line);
        out.write(System.lineSeparator());
    }

    private void writeNow(String line) {
        synchronized (out) {
            write(line);
            out.flush();
        }
    }

    private void writeLeftovers() {
        synchronized (out) {
            for (String line = queue.poll(); line != null; line = queue.poll()) {
                if (line != END) {
                    write(line);
                }
            }
            out.flush();
        }
    }

    /** Writes every line handed over so far, then stops the thread. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            queue.put(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeLeftovers();
    }
}
