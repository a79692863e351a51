package dev.palisade.proxy.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.engine.request.AlpRequest;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.testing.ProxyFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload: good bundles replace the current one, bad ones never do and say why. */
@Timeout(60)
class PolicyWatcherTest {
    private static final String ALLOW_ROOT = """
            policy www {
                selector 'app == "www"'
                alp {
                    allow GET path exact "/"
                }
            }
            """;

    private static boolean allows(PolicyHolder holder, String target) {
        PolicyBundle bundle = holder.current().orElseThrow();
        return bundle.policy().decide(bundle.selection(), AlpRequest.of("GET", target)).allowed();
    }

    @Test
    void aGoodChangeIsSwappedInAndABadOneKeepsTheCurrentBundle(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("www.pal");
        Files.writeString(file, ALLOW_ROOT);
        PolicyHolder holder = new PolicyHolder();
        List<String> messages = new CopyOnWriteArrayList<>();
        try (PolicyWatcher watcher = new PolicyWatcher(directory,
                new BundleCompiler(directory, ProxyFixture.WWW), holder, messages::add)) {
            PolicyBundle first = watcher.reload().orElseThrow();
            assertTrue(allows(holder, "/"));
            assertTrue(!allows(holder, "/robots.txt"));
            watcher.start();

            Files.writeString(file, ALLOW_ROOT.replace("exact \"/\"", "exact \"/\", exact \"/robots.txt\""));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (holder.current().orElseThrow() == first && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertNotEquals(first.irHash(), holder.current().orElseThrow().irHash(), "the change was not loaded");
            assertTrue(allows(holder, "/robots.txt"));

            PolicyBundle good = holder.current().orElseThrow();
            Files.writeString(file, "policy www { alp { allow BREW } ");
            assertTrue(watcher.reload().isEmpty());
            assertEquals(good.irHash(), holder.current().orElseThrow().irHash(), "a bad bundle never replaces a good one");
            // The watcher thread may have tried the bad file too: at least this one failure is counted.
            assertTrue(holder.failedReloads() >= 1, "palisade_reloads_total{result=\"failed\"} counts it");
            String reported = String.join("\n", messages);
            assertTrue(reported.contains("not reloaded") && reported.contains("www.pal:1:"), reported);
        }
    }

    /**
     * A ConfigMap volume, as the Kubernetes manifests mount the policies: the files are links into
     * {@code ..data}, itself a link to a hidden timestamped directory, and the kubelet updates by
     * writing a new directory and renaming a new {@code ..data} link over the old one. No file the
     * watcher saw is modified, yet the change is loaded, and the hidden copies are never read twice.
     */
    @Test
    void aConfigMapStyleLinkSwapIsLoaded(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("..2026_11_25_02_00_00.1");
        Files.createDirectory(first);
        Files.writeString(first.resolve("www.pal"), ALLOW_ROOT);
        Files.createSymbolicLink(directory.resolve("..data"), first.getFileName());
        Files.createSymbolicLink(directory.resolve("www.pal"), Path.of("..data", "www.pal"));
        PolicyHolder holder = new PolicyHolder();
        try (PolicyWatcher watcher = new PolicyWatcher(directory,
                new BundleCompiler(directory, ProxyFixture.WWW), holder, message -> { })) {
            PolicyBundle loaded = watcher.reload().orElseThrow();
            assertTrue(!allows(holder, "/robots.txt"));
            watcher.start();

            Path second = directory.resolve("..2026_11_25_02_10_00.2");
            Files.createDirectory(second);
            Files.writeString(second.resolve("www.pal"),
                    ALLOW_ROOT.replace("exact \"/\"", "exact \"/\", exact \"/robots.txt\""));
            Path swap = directory.resolve("..data_tmp");
            Files.createSymbolicLink(swap, second.getFileName());
            Files.move(swap, directory.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.delete(first.resolve("www.pal"));
            Files.delete(first);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (holder.current().orElseThrow() == loaded && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertNotEquals(loaded.irHash(), holder.current().orElseThrow().irHash(), "the swap was not loaded");
            assertTrue(allows(holder, "/robots.txt"));
        }
    }

    @Test
    void aBundleWhoseWafDataFileIsGoneNeverReplacesAGoodOne(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("www.pal");
        Files.writeString(directory.resolve("bots.data"), "evilbot\n");
        Files.writeString(file, ALLOW_ROOT.replace("    alp {", """
                    waf {
                        seclang 'SecRule REQUEST_HEADERS:User-Agent "@pmFromFile bots.data" "id:1,phase:1,deny"'
                    }
                    alp {"""));
        PolicyHolder holder = new PolicyHolder();
        try (PolicyWatcher watcher = new PolicyWatcher(directory,
                new BundleCompiler(directory, ProxyFixture.WWW), holder, message -> { })) {
            PolicyBundle good = watcher.reload().orElseThrow();
            Files.delete(directory.resolve("bots.data"));
            assertTrue(watcher.reload().isEmpty(), "without its data file the rule would never match");
            assertEquals(good.irHash(), holder.current().orElseThrow().irHash());
            String problems = new BundleCompiler(directory, ProxyFixture.WWW).compile().problems();
            assertTrue(problems.contains("www.pal:4:62: error[P0514]"), problems);
        }
    }

    @Test
    void aDirectoryWithErrorsGivesRenderedDiagnostics(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("bad.pal"), "policy { }\n");
        BundleCompiler.Outcome outcome = new BundleCompiler(directory, ProxyFixture.WWW).compile();
        assertTrue(outcome.bundle().isEmpty());
        assertTrue(outcome.problems().contains("bad.pal:1:"), outcome.problems());
    }
}
