package dev.palisade.proxy.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns Netty's leak reports (paranoid level, set by surefire) into test failures instead of
 * log lines nobody reads. Installed before any buffer class is loaded: {@link ProxyFixture}
 * touches it in its static initializer, and every test that allocates buffers uses the fixture.
 */
public final class LeakTracker {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    private LeakTracker() {}

    public static void install() {
        // the static initializer does the work
    }

    /** Collects garbage, lets the detectors look at what was collected, and fails on any leak. */
    public static void assertNoLeaks() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            // A leak is reported when a later allocation of the same kind is tracked.
            List<ByteBuf> buffers = new ArrayList<>();
            for (int index = 0; index < 16; index++) {
                buffers.add(ByteBufAllocator.DEFAULT.buffer(1));
                buffers.add(ByteBufAllocator.DEFAULT.directBuffer(1));
            }
            buffers.forEach(ByteBuf::release);
        }
        if (!LEAKS.isEmpty()) {
            throw new AssertionError("Netty reported " + LEAKS.size() + " leaked buffers:\n" + String.join("\n", LEAKS));
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation") // the two-argument constructor is the one Netty's own factory calls
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new ResourceLeakDetector<T>(resource, samplingInterval) {
                @Override
                protected void reportTracedLeak(String type, String records) {
                    LEAKS.add(type + records);
                    super.reportTracedLeak(type, records);
                }

                @Override
                protected void reportUntracedLeak(String type) {
                    LEAKS.add(type);
                    super.reportUntracedLeak(type);
                }
            };
        }
    }
}
