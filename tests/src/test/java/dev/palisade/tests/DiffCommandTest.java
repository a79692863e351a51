package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palisade diff}: what a policy change does to decisions, before it merges. */
class DiffCommandTest {
    private static final String ORDERS = """
            policy orders {
                namespace "shop"
                selector 'app == "orders"'
                alp {
                    allow GET path prefix "/api/v1/orders"
                    allow POST path exact "/api/v1/orders" from serviceaccount "checkout"
                }
            }
            """;

    @Test
    void aWidenedRuleShowsTheRequestsItNowAllowsAndTheRuleThatDoes(@TempDir Path directory) throws IOException {
        Path before = Files.createDirectories(directory.resolve("before"));
        Path after = Files.createDirectories(directory.resolve("after"));
        Files.writeString(before.resolve("orders.pal"), ORDERS);
        Files.writeString(after.resolve("orders.pal"), ORDERS.replace("allow GET path prefix", "allow GET, DELETE path prefix"));

        Cli diff = Cli.run("diff", before.toString(), after.toString());
        assertEquals(1, diff.exitCode(), diff::toString);
        assertTrue(diff.out().contains("workload orders (labels {app=orders} namespace shop): 1 change\n"
                + "  now ALLOWED, "), diff::toString);
        assertTrue(diff.out().contains("    DELETE \"/api/v1/orders\"\n"), diff::toString);
        assertTrue(diff.out().contains("    before: deny 403 by default of tier default\n"
                + "    after:  allow by policy orders rule 1 (" + after.resolve("orders.pal") + ":5:9): allow GET, DELETE path prefix \"/api/v1/orders\""),
                diff::toString);
        assertTrue(diff.out().contains("0 now denied"), diff::toString);
    }

    @Test
    void aNarrowedCallerConditionShowsWhoLosesAccess(@TempDir Path directory) throws IOException {
        Path before = Files.createDirectories(directory.resolve("before"));
        Path after = Files.createDirectories(directory.resolve("after"));
        Files.writeString(before.resolve("orders.pal"), ORDERS.replace("from serviceaccount \"checkout\"", ""));
        Files.writeString(after.resolve("orders.pal"), ORDERS);

        Cli diff = Cli.run("diff", before.toString(), after.toString());
        assertEquals(1, diff.exitCode(), diff::toString);
        assertTrue(diff.out().contains("  now DENIED, "), diff::toString);
        assertTrue(diff.out().contains("    POST \"/api/v1/orders\"\n"), diff::toString);
        assertTrue(diff.out().contains("POST \"/api/v1/orders\" from serviceaccount \"other\" namespace \"other\""), diff::toString);
    }

    @Test
    void identicalVersionsChangeNothing() {
        Cli diff = Cli.run("diff", "policies-examples", "policies-examples");
        assertEquals(0, diff.exitCode(), diff::toString);
        assertTrue(diff.out().endsWith("no decision changed, no WAF changed\n"), diff::toString);
    }

    @Test
    void baseComparesWithTheCommittedVersion(@TempDir Path repository) throws Exception {
        Path policies = Files.createDirectories(repository.resolve("policies"));
        Files.writeString(policies.resolve("orders.pal"), ORDERS);
        git(repository, "init", "-q");
        git(repository, "add", ".");
        git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "orders");
        Files.writeString(policies.resolve("orders.pal"), ORDERS.replace("allow GET path prefix \"/api/v1/orders\"\n", ""));

        Cli diff = Cli.run("diff", "--base", "HEAD", policies.toString());
        assertEquals(1, diff.exitCode(), diff::toString);
        assertTrue(diff.out().startsWith("Decisions (ALP, then the WAF) of " + policies + " at HEAD (before) and " + policies + " (after)"), diff::toString);
        assertTrue(diff.out().contains("    GET \"/api/v1/orders\"\n"), diff::toString);

        Cli unknown = Cli.run("diff", "--base", "no-such-revision", policies.toString());
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().startsWith("palisade: cannot read " + policies + " at no-such-revision: git archive failed"), unknown::toString);
    }

    private static void git(Path directory, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "git did not finish");
        assertEquals(0, process.exitValue(), output);
    }
}
