package dev.palisade.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The decision log's stdout: every line, in each thread's order, none lost at shutdown. */
class BackgroundLineWriterTest {

    @Test
    void everyLineFromEveryThreadIsWrittenOnceInItsThreadsOrder() throws Exception {
        StringWriter text = new StringWriter();
        List<Thread> loops = new ArrayList<>();
        try (BackgroundLineWriter lines = BackgroundLineWriter.start(new PrintWriter(text, true), 64)) {
            for (int t = 0; t < 4; t++) {
                int loop = t;
                loops.add(new Thread(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        lines.accept("loop " + loop + " line " + i);
                    }
                }));
            }
            loops.forEach(Thread::start);
            for (Thread loop : loops) {
                loop.join();
            }
        }
        String[] written = text.toString().split(System.lineSeparator());
        assertEquals(20_000, written.length);
        int[] next = new int[4];
        for (String line : written) {
            String[] words = line.split(" ");
            int loop = Integer.parseInt(words[1]);
            assertEquals(next[loop]++, Integer.parseInt(words[3]), line);
        }
    }

    @Test
    void aSlowReaderHoldsTheWriterThreadNotTheCallerUntilTheQueueIsFull() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        StringWriter text = new StringWriter();
        Writer stalled = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                try {
                    reading.await(); // stdout's reader is not reading yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                text.write(chars, offset, length);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        BackgroundLineWriter lines = BackgroundLineWriter.start(new PrintWriter(stalled, true), 100);
        Thread caller = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                lines.accept("line " + i);
            }
        });
        caller.start();
        caller.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(!caller.isAlive(), "50 lines into a queue of 100 never wait for the reader");
        reading.countDown();
        lines.close();
        assertEquals(50, text.toString().split(System.lineSeparator()).length, text::toString);
    }

    @Test
    void linesAfterCloseAreWrittenAtOnce() {
        StringWriter text = new StringWriter();
        BackgroundLineWriter lines = BackgroundLineWriter.start(new PrintWriter(text, true), 4);
        lines.accept("before");
        lines.close();
        lines.accept("a summary during shutdown");
        lines.close();
        assertEquals("before" + System.lineSeparator() + "a summary during shutdown" + System.lineSeparator(), text.toString());
    }
}
