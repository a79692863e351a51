package dev.palisade.dsl.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops the parser at the first syntax error, carrying the {@link RecognitionException} out so
 * the caller can phrase it. ANTLR's default strategy would insert or drop tokens and carry on,
 * which reports follow-on errors about text the user never wrote; a selector is short enough
 * that one precise error is more useful.
 */
final class StopAtFirstError extends DefaultErrorStrategy {

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw new ParseCancellationException(new InputMismatchException(recognizer));
    }

    /** The default resynchronises inside loops, reporting errors before the rule that owns them. */
    @Override
    public void sync(Parser recognizer) {
    }
}
