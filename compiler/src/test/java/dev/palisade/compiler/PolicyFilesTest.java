package dev.palisade.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesTest {
    private static final String POLICY = "policy www {\n    selector 'app == \"www\"'\n    alp { allow GET }\n}\n";

    /** How the kubelet lays out a ConfigMap volume: versions in hidden directories, visible links. */
    @Test
    void aConfigMapVolumeYieldsEachPolicyOnce(@TempDir Path mount) throws Exception {
        Path version = Files.createDirectory(mount.resolve("..2026_11_24_21_00_00.123456789"));
        Files.writeString(version.resolve("www.pal"), POLICY);
        Files.createSymbolicLink(mount.resolve("..data"), version.getFileName());
        Files.createSymbolicLink(mount.resolve("www.pal"), Path.of("..data/www.pal"));

        assertEquals(List.of(mount.resolve("www.pal")), PolicyCompiler.policyFiles(List.of(mount)));
        assertEquals(0, PolicyCompiler.check(PolicyCompiler.policyFiles(List.of(mount))).diagnostics().errorCount());
    }

    @Test
    void hiddenDirectoriesBelowTheInputAreSkippedButTheInputItselfMayBeHidden(@TempDir Path root) throws Exception {
        Path input = Files.createDirectories(root.resolve(".policies/team"));
        Files.writeString(input.resolve("www.pal"), POLICY);
        Files.createDirectories(input.resolve(".git"));
        Files.writeString(input.resolve(".git/www.pal"), POLICY);

        assertEquals(List.of(input.resolve("www.pal")), PolicyCompiler.policyFiles(List.of(input)));
    }
}
