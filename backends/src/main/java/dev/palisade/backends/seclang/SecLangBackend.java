package dev.palisade.backends.seclang;

import dev.palisade.backends.Backend;
import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildOptions;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * The WAF of each policy as a SecLang rules file, {@code <policy>.conf}, that ModSecurity v3 and
 * Coraza load ({@code modsecurity_rules_file} in nginx, {@code Include} in Apache): the same rules
 * in the same order as Palisade runs them, the Core Rule Set included from the installed package.
 * Policies without a {@code waf} block get no file. The data files the rules read are copied under
 * {@code data/} ({@link DataFileNames}). See {@link PolicyConf} for the layout.
 */
public final class SecLangBackend implements Backend {

    @Override
    public String name() {
        return "seclang";
    }

    @Override
    public BackendOutput emit(BuildInput input, BuildOptions options, Diagnostics diagnostics) {
        List<BackendOutput.OutputFile> files = new ArrayList<>();
        DataFileNames dataFiles = DataFileNames.of(input, diagnostics);
        for (BuildInput.PolicyWaf waf : input.wafs().values()) {
            files.add(new BackendOutput.OutputFile(waf.policy() + ".conf", PolicyConf.render(waf, dataFiles, diagnostics)));
        }
        files.addAll(dataFiles.files());
        return new BackendOutput(List.of(), files);
    }
}
