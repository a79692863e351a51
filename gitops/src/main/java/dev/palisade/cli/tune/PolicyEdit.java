package dev.palisade.cli.tune;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.WafBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the policy files (and everything beside them: corpora, SecLang includes) in a
 * temporary directory, where a suggested line is added to one policy's {@code waf} block. The
 * user's files are never written.
 */
public final class PolicyEdit implements AutoCloseable {
    private final Path root;
    private final Path copy;

    /** Copies {@code input} (a .pal file: its directory; or a directory) into a new temporary directory. */
    public PolicyEdit(Path input) throws IOException {
        this.root = (Files.isDirectory(input) ? input : input.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        this.copy = Files.createTempDirectory("palisade-tune");
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path from : tree.sorted().toList()) {
                Path to = copy.resolve(root.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Where {@code input} is in the copy. */
    public Path inCopy(Path input) {
        return copy.resolve(root.relativize(input.toAbsolutePath().normalize()).toString());
    }

    /**
     * Adds {@code line} as the last line of {@code policy}'s {@code waf} block, in the copy; false
     * when that policy has no {@code waf} block. The block's closing brace must begin its line,
     * as {@code palisade fmt} writes it.
     */
    public boolean addToWaf(PolicyCompiler.Result checked, String policy, String line) throws IOException {
        for (PolicyFile file : checked.unit().files()) {
            for (PolicyDecl decl : file.policies()) {
                if (!decl.name().text().equals(policy) || decl.waf().isEmpty()) {
                    continue;
                }
                WafBlock waf = decl.waf().get();
                Path target = inCopy(Path.of(waf.span().file()));
                List<String> lines = new ArrayList<>(Files.readAllLines(target));
                String indent = " ".repeat(Math.max(0, waf.span().column() - 1) + 4);
                lines.add(waf.span().endLine() - 1, indent + line);
                Files.write(target, lines);
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> tree = Files.walk(copy)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
