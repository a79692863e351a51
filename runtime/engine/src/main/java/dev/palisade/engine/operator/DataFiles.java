package dev.palisade.engine.operator;

import dev.palisade.engine.waf.ByteText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data files of {@code @pmFromFile} and {@code @ipMatchFromFile}: the argument names one or
 * more files separated by spaces, relative to the policy's data directory; each file holds one
 * entry per line, bytes as they are (ISO-8859-1), with empty lines and lines starting with
 * {@code #} skipped (ModSecurity v2 {@code msre_op_pmFromFile_param_init}).
 */
public final class DataFiles {

    private DataFiles() {}

    /**
     * The file a data file name in an operator's argument opens. Names are bytes, as the rule's
     * text is; the file system takes the text they encode.
     *
     * @param dataDirectory the directory of the file the rule is written in, or null for the working directory
     */
    public static Path path(Path dataDirectory, String name) {
        String fileName = ByteText.readable(name);
        return dataDirectory == null ? Path.of(fileName) : dataDirectory.resolve(fileName);
    }

    static List<String> lines(String operator, String argument, Path dataDirectory) throws OperatorArgumentException {
        List<String> entries = new ArrayList<>();
        int at = 0;
        for (String name : argument.split(" ", -1)) {
            if (!name.isEmpty()) {
                if (name.startsWith("http://") || name.startsWith("https://")) {
                    throw new OperatorArgumentException("operator `@" + operator + "` cannot fetch `" + name
                            + "`: remote data files are not supported", at);
                }
                Path file = path(dataDirectory, name);
                String text;
                try {
                    text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                } catch (IOException | RuntimeException e) {
                    throw new OperatorArgumentException("cannot read data file `" + name + "`", at);
                }
                for (String line : text.split("\n", -1)) {
                    String entry = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                    if (!entry.isEmpty() && entry.charAt(0) != '#') {
                        entries.add(entry);
                    }
                }
            }
            at += name.length() + 1;
        }
        if (argument.isBlank()) {
            throw new OperatorArgumentException("operator `@" + operator + "` needs a file name", 0);
        }
        return entries;
    }
}
