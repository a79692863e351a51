package dev.palisade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways {@code palisade serve} refuses to start; serving itself is tested in runtime/proxy. */
class ServeCommandTest {

    private record Run(int code, String err) {}

    private static Run serve(String... args) {
        StringWriter err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "serve";
        System.arraycopy(args, 0, command, 1, args.length);
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), command);
        return new Run(code, err.toString());
    }

    @Test
    void policiesWithErrorsAreReportedWithTheirLocationAndNothingIsServed(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("bad.pal"), "policy { }\n");
        Run run = serve("--policies", directory.toString(), "--upstream", "http://127.0.0.1:9", "--listen",
                "127.0.0.1:0", "--workload-labels", "app=www");
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("bad.pal:1:") && run.err().contains("not serving"), run.err());
    }

    @Test
    void anUpstreamThatIsNotPlainHttpIsAUsageError(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("ok.pal"), "policy www {\n    selector 'app == \"www\"'\n"
                + "    alp {\n        allow GET\n    }\n}\n");
        Run run = serve("--policies", directory.toString(), "--upstream", "https://127.0.0.1:9",
                "--workload-labels", "app=www");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--upstream must be http://HOST:PORT"), run.err());
        Run size = serve("--policies", directory.toString(), "--upstream", "http://127.0.0.1:9",
                "--workload-labels", "app=www", "--request-body-limit", "lots");
        assertEquals(2, size.code(), size.err());
        assertTrue(size.err().contains("--request-body-limit"), size.err());
        Run action = serve("--policies", directory.toString(), "--upstream", "http://127.0.0.1:9",
                "--workload-labels", "app=www", "--request-body-limit-action", "truncate");
        assertEquals(2, action.code(), action.err());
        assertTrue(action.err().contains("--request-body-limit-action must be reject or pass-uninspected"),
                action.err());
    }

    @Test
    void theModeDecidesWhichOptionsAreNeeded(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("ok.pal"), "policy www {\n    selector 'app == \"www\"'\n"
                + "    alp {\n        allow GET\n    }\n}\n");
        Run noUpstream = serve("--policies", directory.toString(), "--workload-labels", "app=www");
        assertEquals(2, noUpstream.code(), noUpstream.err());
        assertTrue(noUpstream.err().contains("--mode proxy needs --upstream"), noUpstream.err());
        Run badMode = serve("--policies", directory.toString(), "--workload-labels", "app=www", "--mode", "sidecar");
        assertEquals(2, badMode.code(), badMode.err());
        assertTrue(badMode.err().contains("--mode must be proxy or ext-authz"), badMode.err());
        Run extAuthzWithUpstream = serve("--policies", directory.toString(), "--workload-labels", "app=www",
                "--mode", "ext-authz", "--upstream", "http://127.0.0.1:9");
        assertEquals(2, extAuthzWithUpstream.code(), extAuthzWithUpstream.err());
        assertTrue(extAuthzWithUpstream.err().contains("takes no --upstream"), extAuthzWithUpstream.err());
        Run badPrefix = serve("--policies", directory.toString(), "--workload-labels", "app=www",
                "--mode", "ext-authz", "--path-prefix", "check");
        assertEquals(2, badPrefix.code(), badPrefix.err());
        assertTrue(badPrefix.err().contains("--path-prefix must start with /"), badPrefix.err());
    }
}
