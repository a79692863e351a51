package dev.palisade.compiler.codegen.waf;

import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.load.GeneratedSources;
import dev.palisade.compiler.load.InternalCompilerError;
import dev.palisade.engine.waf.WafEngine;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Optional;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * WAF rule set → loaded {@link WafEngine}: plan, generate ({@link WafSourceGenerator}), compile with
 * Janino into a fresh class loader (so a replaced rule set's classes can be unloaded), instantiate
 * with the plan's engine objects. Compiled with debugging information under the dumped file's
 * name, so a stack trace points at the line of the dump.
 *
 * <pre>WafEngine waf = WafLoader.load(CrsRuleSet.load(options, diagnostics)).engine();</pre>
 */
public final class WafLoader {
    private WafLoader() {}

    /** The loaded engine and the exact source it was compiled from ({@code --dump-generated}). */
    public record Loaded(WafEngine engine, String source, String className) {}

    public static Loaded load(IrWaf waf) {
        return load(WafPlan.of(waf), Optional.empty());
    }

    /** Loads {@code plan}; with a dump directory, writes the source there first and compiles it under that name. */
    public static Loaded load(WafPlan plan, Optional<Path> dumpDirectory) {
        String simpleName = WafSourceGenerator.className(plan);
        String source = WafSourceGenerator.generate(plan).toString();
        Class<?> type = compile(simpleName, source, dumpDirectory);
        try {
            Object instance = type.getConstructor(WafSourceGenerator.constructorParameterTypes())
                    .newInstance(WafSourceGenerator.constructorArguments(plan));
            return new Loaded((WafEngine) instance, source, type.getName());
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException bug) {
            throw new InternalCompilerError("generated WAF class cannot be loaded: " + bug, bug);
        }
    }

    /**
     * Compiles {@code source} (class {@code simpleName} in {@link WafSourceGenerator#PACKAGE}) into a
     * fresh class loader. Code that does not compile is our bug: an internal error with Janino's
     * {@code file:line:column} and where the source was written.
     */
    static Class<?> compile(String simpleName, String source, Optional<Path> dumpDirectory) {
        String fileName = simpleName + ".java";
        if (dumpDirectory.isPresent()) {
            fileName = GeneratedSources.dump(dumpDirectory.get(), WafSourceGenerator.PACKAGE, fileName, source).toString();
        }
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(WafEngine.class.getClassLoader());
        compiler.setDebuggingInformation(true, true, true);
        try {
            compiler.cook(fileName, new StringReader(source));
        } catch (CompileException | IOException bug) {
            // CompileException's message starts with the file, line and column in the source.
            Path where = dumpDirectory.isPresent() ? Path.of(fileName)
                    : GeneratedSources.dumpForBugReport(WafSourceGenerator.PACKAGE, simpleName + ".java", source);
            throw new InternalCompilerError("generated WAF code does not compile: " + bug.getMessage()
                    + " (source written to " + where + ")", bug);
        }
        try {
            return compiler.getClassLoader().loadClass(WafSourceGenerator.PACKAGE + "." + simpleName);
        } catch (ClassNotFoundException bug) {
            throw new InternalCompilerError("generated WAF class cannot be loaded: " + bug, bug);
        }
    }

    /** The Java source {@link #load} would compile for {@code waf}, as text. */
    public static String source(IrWaf waf) {
        return WafSourceGenerator.generate(WafPlan.of(waf)).toString();
    }
}
