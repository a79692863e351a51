package dev.palisade.cli;

import dev.palisade.cli.ftw.FtwCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code palisade} command. */
// --help and --version on every subcommand too (scope INHERIT), not only on `palisade` itself.
@Command(name = "palisade", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "palisade 0.1.0",
        description = "Compile application-layer security policies for Kubernetes.",
        subcommands = {CheckCommand.class, CompileCommand.class, FmtCommand.class, TestCommand.class,
            ServeCommand.class, DemoCommand.class, FtwCommand.class, BuildCommand.class, DiffCommand.class,
            ApplyCommand.class, StatusCommand.class, ReportCommand.class, TuneCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 fine, 1 problems found, 2 usage, 3 internal error. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs with the given output streams (tests capture them). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("palisade: internal error: " + exception
                    + " (this is a bug in Palisade, not in your policy; run with PALISADE_DEBUG=1 for the trace)");
            if (System.getenv("PALISADE_DEBUG") != null) {
                exception.printStackTrace(line.getErr());
            }
            return 3;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
