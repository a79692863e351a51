package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code palisade build --accept-inexact}: a weaker translation is an error at the policy line
 * unless its code is accepted, then a warning; one that would widen the policy cannot be accepted.
 */
class AcceptInexactTest {

    @Test
    void theExamplesWafBuildsForCalicoOnlyWithItsWeakerTranslationsAccepted(@TempDir Path directory) {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: the www example's WAF needs Debian's modsecurity-crs package");
        Path out = directory.resolve("deploy");
        Cli strict = Cli.run("build", "policies-examples", "-o", out.toString());
        assertEquals(1, strict.exitCode(), strict::toString);
        assertTrue(strict.err().contains("policies-examples/www.pal:4:14: error[P0621]"), strict::toString);
        assertTrue(strict.err().contains("policies-examples/www.pal:12:9: error[P0623]"), strict::toString);
        assertTrue(strict.err().contains("accept it with `palisade build --accept-inexact P0623`"), strict::toString);
        assertFalse(Files.exists(out), "nothing written");

        Cli accepting = Cli.run("build", "policies-examples", "--accept-inexact", "P0621,P0623", "-o", out.toString());
        assertEquals(0, accepting.exitCode(), accepting::toString);
        assertTrue(accepting.err().contains("policies-examples/www.pal:4:14: warning[P0621]"), accepting::toString);
        assertTrue(accepting.err().contains("policies-examples/www.pal:12:9: warning[P0623]"), accepting::toString);

        Cli half = Cli.run("build", "policies-examples", "--accept-inexact", "P0621", "-o", out.toString());
        assertEquals(1, half.exitCode(), half::toString);
        assertTrue(half.err().contains("error[P0623]") && half.err().contains("warning[P0621]"), half::toString);
    }

    @Test
    void aNamespacedWafAttachedToARouteIsAlwaysAnErrorForCalico(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("orders.pal"), """
                policy orders {
                    namespace "shop"
                    selector 'app == "orders"'
                    waf {
                        mode blocking
                        seclang 'SecRule ARGS:debug "@streq 1" "id:5001,phase:1,deny"'
                    }
                }
                """);
        Cli calico = Cli.run("build", directory.toString(), "--accept-inexact", "P0621,P0623,P0640",
                "-o", directory.resolve("out").toString());
        assertEquals(1, calico.exitCode(), calico::toString);
        assertTrue(calico.err().contains("orders.pal:3:14: error[P0625]"), calico::toString);
        assertTrue(calico.err().contains("would get no WAF inspection from Calico"), calico::toString);

        Cli refused = Cli.run("build", directory.toString(), "--accept-inexact", "P0625", "-o",
                directory.resolve("out").toString());
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().startsWith("palisade: --accept-inexact cannot accept `P0625`: that translation would"
                + " widen the policy"), refused::toString);

        Cli withoutCalico = Cli.run("build", directory.toString(), "--backend", "envoy,seclang,k8s", "-o",
                directory.resolve("out").toString());
        assertEquals(0, withoutCalico.exitCode(), withoutCalico::toString);
    }

    @Test
    void anEnvoyPathSpellingIsAcceptedOnlyWhenAsked(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("cafe.pal"), """
                policy cafe {
                    selector 'app == "cafe"'
                    alp {
                        allow GET path exact "/café"
                    }
                }
                """);
        Cli strict = Cli.run("build", directory.toString(), "--backend", "envoy", "-o", directory.resolve("a").toString());
        assertEquals(1, strict.exitCode(), strict::toString);
        assertTrue(strict.err().contains("cafe.pal:4:9: error[P0640]"), strict::toString);
        Cli accepting = Cli.run("build", directory.toString(), "--backend", "envoy", "--accept-inexact", "P0640",
                "-o", directory.resolve("b").toString());
        assertEquals(0, accepting.exitCode(), accepting::toString);
        assertTrue(accepting.err().contains("cafe.pal:4:9: warning[P0640]"), accepting::toString);
    }

    @Test
    void onlyCodesOfWeakerTranslationsCanBeAccepted(@TempDir Path directory) {
        for (String code : new String[] {"P0301", "P9999", "p0621"}) {
            Cli build = Cli.run("build", "policies-examples/bookinfo.pal", "--accept-inexact", code, "-o", directory.toString());
            assertEquals(2, build.exitCode(), build::toString);
            assertTrue(build.err().contains("cannot accept `" + code + "`") && build.err().contains("it takes P0621, P0623, P0640"),
                    build::toString);
        }
    }
}
