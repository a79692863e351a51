package dev.palisade.compiler.codegen.waf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.compiler.load.InternalCompilerError;
import dev.palisade.engine.waf.EngineMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WafLoaderTest {

    @TempDir
    Path directory;

    @Test
    void codeThatDoesNotCompileIsAnInternalErrorNamingTheDumpedLine() throws IOException {
        String source = "package dev.palisade.generated;\n\npublic final class Waf_broken {\n  int x = y;\n}\n";
        InternalCompilerError error = assertThrows(InternalCompilerError.class,
                () -> WafLoader.compile("Waf_broken", source, Optional.of(directory)));
        Path dumped = directory.resolve("dev/palisade/generated/Waf_broken.java");
        assertTrue(error.getMessage().startsWith("generated WAF code does not compile: File '" + dumped + "', Line 4, Column 11"),
                error.getMessage());
        assertEquals(source, Files.readString(dumped));
    }

    @Test
    void theDumpIsTheSourceThatWasCompiled() throws IOException {
        WafPlan plan = WafPlan.of(WafRuleSets.lower("SecAction \"id:1,phase:1,pass,log\"\n", EngineMode.ON));
        WafLoader.Loaded loaded = WafLoader.load(plan, Optional.of(directory));
        Path dumped = directory.resolve("dev/palisade/generated/" + WafSourceGenerator.className(plan) + ".java");
        assertEquals(loaded.source(), Files.readString(dumped));
        assertEquals(loaded.engine().getClass().getName(), loaded.className());
        assertEquals(java.util.List.of(1L), loaded.engine().inspect(WafRuleSets.get("/")).firedIds());
    }
}
