package dev.palisade.backends.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.lower.waf.LowerSecLang;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.seclang.SecLangSources;
import dev.palisade.dsl.seclang.SecLangStatements;
import dev.palisade.engine.waf.EngineMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: compile a policy file, emit its SecLang, and read an emitted file back as ModSecurity would. */
final class EmittedConf {
    private EmittedConf() {}

    /** The checked build input of one policy file; fails on any error. */
    static BuildInput build(Path policy) {
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(policy));
        assertTrue(result.ir().isPresent(), () -> "the policy has errors: " + result.diagnostics().sorted());
        Diagnostics diagnostics = new Diagnostics();
        BuildInput input = BuildInputs.from(result, diagnostics);
        assertEquals(List.of(), errors(diagnostics), "lowering the WAF");
        return input;
    }

    /** The backend's output for {@code input}; fails when it reports an error. */
    static BackendOutput emit(BuildInput input) {
        Diagnostics diagnostics = new Diagnostics();
        BackendOutput output = new SecLangBackend().emit(input, BuildOptions.defaults(), diagnostics);
        assertEquals(List.of(), errors(diagnostics), "emitting SecLang");
        return output;
    }

    /** {@code text} saved as {@code directory/name} and read back, following its {@code Include} lines. */
    static IrWaf readBack(Path directory, String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8); // as BuildDirectory writes it
        Diagnostics diagnostics = new Diagnostics();
        LowerSecLang lower = new LowerSecLang(EngineMode.ON, diagnostics);
        lower.add(SecLangStatements.of(SecLangSources.load(file, diagnostics).directives(), diagnostics), directory);
        IrWaf waf = lower.finish();
        assertEquals(List.of(), errors(diagnostics), () -> "reading the emitted file back:\n" + text);
        return waf;
    }

    /** Every file of {@code output} saved under {@code directory}, then {@code name} read back as {@link #readBack} does. */
    static IrWaf readBack(Path directory, BackendOutput output, String name) throws IOException {
        String text = null;
        for (BackendOutput.OutputFile file : output.files()) {
            Files.createDirectories(directory.resolve(file.path()).getParent());
            Files.writeString(directory.resolve(file.path()), file.text());
            text = file.path().equals(name) ? file.text() : text;
        }
        return readBack(directory, name, java.util.Objects.requireNonNull(text, name));
    }

    /**
     * The dump a file emitted for {@code input} and read back from {@code directory} must give: the
     * policy's IR with id-less rules under their written ids and data files where they were copied.
     */
    static String expectedDump(IrWaf waf, BuildInput input, Path directory) {
        DataFileNames names = DataFileNames.of(input, new Diagnostics());
        return IrWafDump.dump(names.applied(new InternalRuleIds(waf).applied(waf), directory));
    }

    /** The dump the emitted file must read back as: the policy's IR with id-less rules under their written ids. */
    static String expectedDump(IrWaf waf) {
        return IrWafDump.dump(new InternalRuleIds(waf).applied(waf));
    }

    static List<String> errors(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().filter(Diagnostic::isError)
                .map(d -> d.span().location() + ": " + d.code().id() + " " + d.message()).toList();
    }
}
