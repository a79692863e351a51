package dev.palisade.compiler.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule ids of an installed OWASP Core Rule Set, read from its {@code *.conf} files, so an
 * exclusion of an id that does not exist is reported. Debian's {@code modsecurity-crs} installs the
 * rules under {@link #DEBIAN_RULES}.
 */
final class CrsRuleIds {
    static final Path DEBIAN_RULES = Path.of("/usr/share/modsecurity-crs/rules");
    static final long FIRST_CRS_ID = 900_000;
    static final long LAST_CRS_ID = 999_999;

    private static final Pattern ID = Pattern.compile("\\bid:'?(\\d+)");
    private static final Map<Path, Optional<Set<Long>>> CACHE = new ConcurrentHashMap<>();

    private CrsRuleIds() {}

    /** The ids in the rule set directory, or empty when it is not installed. */
    static Optional<Set<Long>> in(Path directory) {
        return CACHE.computeIfAbsent(directory.toAbsolutePath(), CrsRuleIds::read);
    }

    static boolean isCrsRange(long id) {
        return id >= FIRST_CRS_ID && id <= LAST_CRS_ID;
    }

    private static Optional<Set<Long>> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        Set<Long> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".conf")).toList()) {
                Matcher matcher = ID.matcher(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
                while (matcher.find()) {
                    ids.add(Long.parseLong(matcher.group(1)));
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
        return Optional.of(ids);
    }
}
