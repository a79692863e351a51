package dev.palisade.proxy.reload;

import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Hot reload: watches the policy directory (and the directories in it when started) and, after
 * changes settle, recompiles on its own thread, never on an event loop. A bundle with errors
 * never replaces the current one; its diagnostics go to {@code report} (stderr in
 * {@code palisade serve}).
 */
public final class PolicyWatcher implements AutoCloseable {
    /** Editors write a file in several steps; wait this long after the last event. */
    private static final long SETTLE_MILLIS = 200;

    private final Path directory;
    private final BundleCompiler compiler;
    private final PolicyHolder holder;
    private final Consumer<String> report;
    private final WatchService watchService;
    private final Thread thread;

    public PolicyWatcher(Path directory, BundleCompiler compiler, PolicyHolder holder, Consumer<String> report)
            throws IOException {
        this.directory = directory;
        this.compiler = compiler;
        this.holder = holder;
        this.report = report;
        this.watchService = FileSystems.getDefault().newWatchService();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
                path.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        this.thread = new Thread(this::watch, "palisade-policy-watcher");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Compiles now and installs the bundle if it is good; returns it. One reload at a time. */
    public synchronized Optional<PolicyBundle> reload() {
        BundleCompiler.Outcome outcome = compiler.compile();
        if (outcome.bundle().isEmpty()) {
            holder.reloadFailed();
            report.accept("palisade: policies in " + directory + " not reloaded; the current bundle stays:\n"
                    + outcome.problems());
            return Optional.empty();
        }
        PolicyBundle bundle = outcome.bundle().get();
        holder.swap(bundle);
        report.accept("palisade: reloaded policies, bundle " + bundle.irHash() + ", selecting "
                + bundle.selectedPolicies());
        return Optional.of(bundle);
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                drain(key);
                // Coalesce a burst of events into one recompilation.
                WatchKey more;
                while ((more = watchService.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException internal) {
            report.accept("palisade: internal error in the policy watcher, hot reload stopped: " + internal);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() throws IOException {
        watchService.close();
        thread.interrupt();
    }
}
