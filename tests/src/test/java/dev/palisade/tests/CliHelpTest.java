package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.cli.Main;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Every command explains itself with --help, even when its required arguments are missing. */
class CliHelpTest {
    @TestFactory
    List<DynamicTest> everyCommandAnswersHelp() {
        return new CommandLine(new Main()).getSubcommands().keySet().stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    Cli help = Cli.run(name, "--help");
                    assertEquals(0, help.exitCode(), help::toString);
                    assertTrue(help.out().startsWith("Usage: palisade " + name), help::toString);
                }))
                .collect(Collectors.toList());
    }
}
