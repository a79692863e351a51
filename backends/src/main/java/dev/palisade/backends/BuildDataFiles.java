package dev.palisade.backends;

import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.compiler.waf.WafDataFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data files the policies' WAFs read ({@code @pmFromFile}, {@code @ipMatchFromFile}), each
 * with how the build output gets it: carried with the policy sources, installed with the Core Rule
 * Set the runtime image provides, or neither (a backend that needs the file reports it).
 */
public final class BuildDataFiles {
    private BuildDataFiles() {}

    public enum Carried {
        /** In {@link BuildInput#sources()}: laid out next to the policies, at its path relative to them. */
        WITH_SOURCES,
        /** Part of a Core Rule Set installation, like the CRS rule files themselves. */
        WITH_RULE_SET,
        /** Named by an absolute path, or not UTF-8 text: no backend can carry it. */
        NOT_CARRIED
    }

    public record UsedFile(String policy, WafDataFiles.DataFile file, Carried carried) {}

    /** Every data file of every policy's WAF, in policy and rule order (a file once per rule that reads it). */
    public static List<UsedFile> of(BuildInput input) {
        List<UsedFile> used = new ArrayList<>();
        for (PolicyWaf waf : input.wafs().values()) {
            for (WafDataFiles.DataFile file : WafDataFiles.of(waf.ir())) {
                used.add(new UsedFile(waf.policy(), file, carried(input, file)));
            }
        }
        return used;
    }

    /** Whether {@link BuildInputs} puts {@code file} among the sources: relative names of files outside a CRS. */
    static boolean belongsToSources(WafDataFiles.DataFile file, Iterable<PolicyWaf> wafs) {
        return !Path.of(file.name()).isAbsolute() && !BuildInput.fromRuleSet(file.path(), wafs);
    }

    private static Carried carried(BuildInput input, WafDataFiles.DataFile file) {
        if (BuildInput.fromRuleSet(file.path(), input.wafs().values())) {
            return Carried.WITH_RULE_SET;
        }
        return input.sources().containsKey(file.path().toString()) ? Carried.WITH_SOURCES : Carried.NOT_CARRIED;
    }
}
