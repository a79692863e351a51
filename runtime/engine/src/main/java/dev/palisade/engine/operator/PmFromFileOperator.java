package dev.palisade.engine.operator;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code @pmFromFile} (alias {@code @pmf}): {@code @pm} with the phrases read from data files,
 * one phrase per line, whole lines (spaces included; see {@link DataFiles}).
 *
 * <pre>SecRule REQUEST_FILENAME "@pmFromFile restricted-files.data" "id:930130,phase:1,deny"</pre>
 */
final class PmFromFileOperator implements Operator {

    private final PhraseMatcher phrases;

    PmFromFileOperator(String argument, Path dataDirectory) throws OperatorArgumentException {
        this.phrases = PhraseMatcher.of(DataFiles.lines("pmFromFile", argument, dataDirectory));
    }

    @Override
    public String name() {
        return "pmFromFile";
    }

    /** A value matches exactly when it holds one of the phrases. */
    @Override
    public List<String> requiredLiterals() {
        return phrases.phrases();
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        String found = phrases.find(value);
        if (found != null && context.capturing()) {
            context.capture(0, found);
        }
        return found != null;
    }
}
