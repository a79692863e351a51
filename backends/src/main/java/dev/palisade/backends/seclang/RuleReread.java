package dev.palisade.backends.seclang;

import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.compiler.lower.waf.LowerSecLang;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.seclang.SecLangReader;
import dev.palisade.dsl.seclang.SecLangStatements;
import dev.palisade.engine.waf.ByteText;
import dev.palisade.engine.waf.EngineMode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a rendered rule back, on its own, and says how it differs from the rule it was rendered
 * from. The renderer writes every resolved field, so reading it alone (no {@code SecDefaultAction}
 * in force) must give the same rule: a difference is something SecLang cannot spell, such as a
 * bare {@code '} inside an action value or a line break in a message.
 */
final class RuleReread {
    private RuleReread() {}

    /** Empty when the text reads back as {@code expected}; else what differs, in words for a diagnostic. */
    static Optional<String> difference(IrWafItem expected, String text, DataFileNames dataFiles) {
        Diagnostics diagnostics = new Diagnostics();
        LowerSecLang lower = new LowerSecLang(EngineMode.ON, diagnostics);
        // Read as if from the output directory, where the written data file names resolve.
        Path directory = Path.of("/");
        if (expected instanceof IrWafRule rule) {
            expected = dataFiles.applied(rule, directory);
        }
        lower.add(SecLangStatements.of(SecLangReader.read(new SourceFile("<rendered>", ByteText.bytes(text)), diagnostics), diagnostics),
                directory);
        IrWaf read = lower.finish();
        if (diagnostics.hasErrors()) {
            return Optional.of("SecLang readers reject it: "
                    + diagnostics.sorted().stream().map(Diagnostic::message).findFirst().orElse("?"));
        }
        if (read.items().size() != 1) {
            return Optional.of("it reads back as " + read.items().size() + " rules");
        }
        String want = IrWafDump.item(expected);
        String got = IrWafDump.item(read.items().get(0));
        if (want.equals(got)) {
            return Optional.empty();
        }
        return Optional.of("it reads back differently: " + firstDifference(want, got));
    }

    /** The fields around the first differing character, enough to see which field it is. */
    private static String firstDifference(String want, String got) {
        int at = 0;
        while (at < want.length() && at < got.length() && want.charAt(at) == got.charAt(at)) {
            at++;
        }
        int from = Math.max(0, want.lastIndexOf(' ', Math.max(0, at - 1)) + 1);
        String wanted = want.substring(from, Math.min(want.length(), at + 40));
        String read = got.substring(Math.min(from, got.length()), Math.min(got.length(), at + 40));
        return "`" + wanted + "` became `" + read + "`";
    }
}
