package dev.palisade.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.reload.BundleCompiler;
import dev.palisade.proxy.reload.PolicyWatcher;
import dev.palisade.proxy.testing.EchoUpstream;
import dev.palisade.proxy.testing.KeepAliveClient;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload under load: while client threads keep sending requests over keep-alive
 * connections, the policy file is rewritten 20 times, alternating between a policy that allows
 * {@code /toggle} and one that does not, with invalid versions in between. No request may fail,
 * and none may get an answer that neither policy gives: {@code /} is always forwarded,
 * {@code /never} always denied, {@code /toggle} either. After each rewrite has been picked up, a
 * fresh request must get the new policy's answer, and an invalid version must leave the previous
 * policy in force.
 *
 * <p>Each version is written beside the directory and moved in atomically, as Kubernetes updates
 * a mounted ConfigMap: a file written in place can be read half-written by the watcher, and a
 * truncated (empty) policy file is a valid policy set that selects nothing.
 */
@Timeout(180)
class HotReloadUnderLoadTest {
    private static final Workload FLIP = new Workload(Map.of("app", "flip"), "default");
    private static final String ALLOWS_TOGGLE = """
            policy flip {
                selector 'app == "flip"'
                alp {
                    allow GET path exact "/", exact "/toggle"
                }
            }
            """;
    private static final String DENIES_TOGGLE = ALLOWS_TOGGLE.replace(", exact \"/toggle\"", "");
    private static final String INVALID = "policy flip { alp { allow BREW } ";
    private static final int REWRITES = 20;
    private static final int CLIENTS = 4;

    @TempDir
    static Path policies;
    @TempDir
    static Path staging;

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    @Test
    void noRequestFailsOrGetsAnAnswerNeitherPolicyGives() throws Exception {
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger toggleAllowed = new AtomicInteger();
        AtomicInteger toggleDenied = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        List<String> messages = new CopyOnWriteArrayList<>();
        try (EchoUpstream upstream = new EchoUpstream();
                ProxyFixture proxy = new ProxyFixture(upstream.address(), FLIP,
                        ProxyFixture.compile(policies, FLIP, ALLOWS_TOGGLE), config -> config);
                PolicyWatcher watcher = new PolicyWatcher(policies, new BundleCompiler(policies, FLIP), proxy.holder,
                        messages::add)) {
            watcher.start();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int index = 0; index < CLIENTS; index++) {
                running.add(clients.submit(() -> {
                    try (KeepAliveClient client = new KeepAliveClient(proxy.address())) {
                        for (int round = 0; !done.get(); round++) {
                            String target = switch (round % 3) {
                                case 0 -> "/toggle";
                                case 1 -> "/";
                                default -> "/never";
                            };
                            RawHttp.Response response = client.exchange("GET", target, new byte[0]);
                            answered.incrementAndGet();
                            boolean forwarded = response.status() == 200 && response.header("X-Received-Sha256") != null;
                            boolean denied = response.status() == 403 && response.text().startsWith("Request denied by policy.");
                            if (target.equals("/toggle") && forwarded) {
                                toggleAllowed.incrementAndGet();
                            } else if (target.equals("/toggle") && denied) {
                                toggleDenied.incrementAndGet();
                            } else if (!(target.equals("/") ? forwarded : target.equals("/never") && denied)) {
                                failures.add(target + " got " + response.status() + " " + response.text());
                            }
                        }
                    } catch (Exception failed) {
                        failures.add("a client connection failed: " + failed);
                    }
                    return null;
                }));
            }
            try (KeepAliveClient checker = new KeepAliveClient(proxy.address())) {
                boolean allowsToggle = true;
                for (int rewrite = 0; rewrite < REWRITES; rewrite++) {
                    PolicyHolder holder = proxy.holder;
                    if (rewrite % 4 == 3) {
                        long failedBefore = holder.failedReloads();
                        PolicyBundle before = holder.current().orElseThrow();
                        replace(INVALID);
                        await(() -> holder.failedReloads() > failedBefore, "the invalid version " + rewrite + " was not tried");
                        assertEquals(before, holder.current().orElseThrow(), "an invalid version replaced the bundle");
                    } else {
                        allowsToggle = !allowsToggle;
                        boolean expected = allowsToggle;
                        replace(expected ? ALLOWS_TOGGLE : DENIES_TOGGLE);
                        await(() -> allows(holder, "/toggle") == expected, "version " + rewrite + " was not loaded");
                    }
                    int status = checker.exchange("GET", "/toggle", new byte[0]).status();
                    assertEquals(allowsToggle ? 200 : 403, status, "after rewrite " + rewrite + " /toggle is "
                            + (allowsToggle ? "allowed" : "denied"));
                }
            } finally {
                done.set(true);
                for (Future<?> client : running) {
                    client.get(30, TimeUnit.SECONDS);
                }
                clients.shutdownNow();
            }
        }
        assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " of " + answered.get()
                + " requests went wrong; watcher said: " + messages);
        assertTrue(toggleAllowed.get() > 0 && toggleDenied.get() > 0,
                "the load saw both policies: " + toggleAllowed + " allowed, " + toggleDenied + " denied");
    }

    private static boolean allows(PolicyHolder holder, String target) {
        PolicyBundle bundle = holder.current().orElseThrow();
        return bundle.policy().decide(bundle.selection(), AlpRequest.of("GET", target)).allowed();
    }

    /** Writes the next version beside the directory and moves it in, in one step. */
    private static void replace(String source) throws Exception {
        Path next = staging.resolve("policy.pal.next");
        Files.writeString(next, source);
        Files.move(next, policies.resolve("policy.pal"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Polls a condition the watcher thread brings about; bounded, so a lost reload fails the test. */
    private static void await(BooleanSupplier condition, String otherwise) throws InterruptedException {
        for (int attempt = 0; attempt < 600 && !condition.getAsBoolean(); attempt++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), otherwise);
    }
}
