package dev.palisade.proxy.admin;

import java.util.List;

/**
 * Turns decision log lines into the dashboard's HTML page. The runtime hands the lines over and the
 * CLI, which owns {@code palisade report}'s reader, aggregation, page template and script, implements
 * it with those: one report implementation for the file and the live view, and the runtime keeps no
 * copy of the report's code nor depends on the CLI module (which is built after it).
 */
@FunctionalInterface
public interface DashboardPage {
    /** The whole page for these lines, oldest first. */
    String render(List<String> lines);
}
