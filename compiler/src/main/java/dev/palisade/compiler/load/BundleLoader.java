package dev.palisade.compiler.load;

import com.palantir.javapoet.JavaFile;
import dev.palisade.compiler.codegen.BundleSourceGenerator;
import dev.palisade.compiler.opt.AlpPlan;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.PathRuleIndex;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Generated source → loaded {@link CompiledPolicy}, with Janino, in a fresh class loader per
 * bundle so a replaced bundle's classes can be unloaded. Compiled with debugging information
 * under the dumped file's name, so a stack trace points at the line of the dump.
 */
public final class BundleLoader {
    private BundleLoader() {}

    /** The loaded bundle and the exact source it was compiled from. */
    public record Loaded(CompiledPolicy policy, String source, String className) {}

    public static Loaded load(AlpPlan plan, Optional<Path> dumpDirectory) {
        JavaFile file = BundleSourceGenerator.generate(plan);
        String className = BundleSourceGenerator.PACKAGE + "." + BundleSourceGenerator.className(plan);
        String source = file.toString();
        String fileName = BundleSourceGenerator.className(plan) + ".java";
        if (dumpDirectory.isPresent()) {
            fileName = GeneratedSources.dump(dumpDirectory.get(), BundleSourceGenerator.PACKAGE, fileName, source).toString();
        }
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(CompiledPolicy.class.getClassLoader());
        compiler.setDebuggingInformation(true, true, true);
        try {
            compiler.cook(fileName, new StringReader(source));
        } catch (CompileException | IOException bug) {
            Path where = dumpDirectory.isPresent() ? Path.of(fileName)
                    : GeneratedSources.dumpForBugReport(BundleSourceGenerator.PACKAGE, fileName, source);
            throw new InternalCompilerError("generated code does not compile: " + bug.getMessage()
                    + " (source written to " + where + ")", bug);
        }
        try {
            Class<?> type = compiler.getClassLoader().loadClass(className);
            List<String> names = plan.bundle().policies().stream().map(policy -> policy.name()).toList();
            Object instance = type.getConstructor(Decision[].class, PathRuleIndex[].class, List.class)
                    .newInstance(plan.decisions().toArray(new Decision[0]),
                            plan.indexes().toArray(new PathRuleIndex[0]), names);
            return new Loaded((CompiledPolicy) instance, source, className);
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException bug) {
            throw new InternalCompilerError("generated class cannot be loaded: " + bug, bug);
        }
    }
}
