package dev.palisade.compiler.codegen.waf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.engine.waf.EngineMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Java generated for a small rule set with every construct (chain, marker, skipAfter, skip,
 * multiMatch, capture, negation, counting, exclusion, setvar, ctl, SecAction, allow, deny,
 * an unsupported operator), against {@code golden/waf-small.java}. The class name's IR hash is
 * replaced by {@code HASH}: the IR holds the absolute directory of the rules' data files. The
 * actual source is written to {@code target/waf-small.java}; run with
 * {@code -Dpalisade.updateGolden=true} to accept a deliberate change. The loader compiles the
 * same text, so the golden is known to compile.
 */
class WafSourceGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/waf-small.java");

    static final String RULES = """
            SecRule REQUEST_HEADERS:Content-Type "@rx application/json" "id:200001,phase:1,t:none,t:lowercase,pass,nolog,\
            ctl:requestBodyProcessor=JSON"
            SecRule ARGS:jump "@eq 1" "id:10,phase:1,pass,nolog,skipAfter:END"
            SecRule &ARGS "@gt 2" "id:11,phase:1,pass,log,skip:1,msg:'%{MATCHED_VAR} args'"
            SecAction "id:12,phase:1,pass,nolog,setvar:tx.score=0"
            SecMarker END
            SecRule ARGS|!ARGS:password "@rx (a+)(b)" "id:20,phase:2,block,log,capture,multiMatch,t:urlDecode,t:lowercase,\
            msg:'got %{TX.1}',setvar:tx.score=+5,chain"
                SecRule REQUEST_METHOD "!@streq GET" "ctl:ruleRemoveTargetById=21;ARGS:q"
            SecRule REMOTE_ADDR "@rbl sbl-xbl.spamhaus.org" "id:21,phase:2,deny,log"
            SecRule REQUEST_FILENAME "@beginsWith /health" "id:22,phase:2,allow,nolog"
            SecRule TX:score "@ge 5" "id:23,phase:2,deny,status:403,log,msg:'score %{tx.score}'"
            """;

    @Test
    void generatedSourceMatchesTheGolden() throws IOException {
        String actual = WafLoader.load(WafRuleSets.lower(RULES, EngineMode.ON)).source()
                .replaceAll("Waf_[0-9a-f]{16}", "Waf_HASH").replaceAll("IR hash [0-9a-f]{16}", "IR hash HASH");
        Path written = Path.of("target/waf-small.java");
        Files.writeString(written, actual);
        if (Boolean.getBoolean("palisade.updateGolden")) {
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN), actual, "generated source changed; diff " + written + " with " + GOLDEN);
    }
}
