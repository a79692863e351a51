package dev.palisade.cli.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Test results as JUnit XML, the format CI systems (GitHub Actions reporters, GitLab, Jenkins)
 * show: a {@code testsuite} per test block, a {@code testcase} per example or property.
 */
public final class JUnitReport {
    /** One test block's results. */
    public record Suite(String name, String file, List<TestResult> results) {}

    private final List<Suite> suites = new ArrayList<>();

    public void add(Suite suite) {
        suites.add(suite);
    }

    public void write(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "palisade test");
            xml.writeAttribute("tests", Long.toString(suites.stream().mapToLong(s -> s.results().size()).sum()));
            xml.writeAttribute("failures", Long.toString(count(TestResult.Outcome.FAIL)));
            xml.writeAttribute("skipped", Long.toString(count(TestResult.Outcome.SKIP)));
            for (Suite suite : suites) {
                writeSuite(xml, suite);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void writeSuite(XMLStreamWriter xml, Suite suite) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.name());
        xml.writeAttribute("file", suite.file());
        xml.writeAttribute("tests", Integer.toString(suite.results().size()));
        xml.writeAttribute("failures", Long.toString(suite.results().stream().filter(r -> r.outcome() == TestResult.Outcome.FAIL).count()));
        xml.writeAttribute("skipped", Long.toString(suite.results().stream().filter(r -> r.outcome() == TestResult.Outcome.SKIP).count()));
        for (TestResult result : suite.results()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", suite.name());
            xml.writeAttribute("name", result.name());
            xml.writeAttribute("file", result.span().file());
            xml.writeAttribute("line", Integer.toString(result.span().line()));
            String details = String.join("\n", result.details());
            if (result.outcome() == TestResult.Outcome.FAIL) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", result.details().isEmpty() ? "failed" : result.details().get(0));
                xml.writeCharacters(result.span().location() + ": " + result.name() + "\n" + details);
                xml.writeEndElement();
            } else if (result.outcome() == TestResult.Outcome.SKIP) {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", details);
                xml.writeEndElement();
            } else {
                xml.writeStartElement("system-out");
                xml.writeCharacters(details);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private long count(TestResult.Outcome outcome) {
        return suites.stream().flatMap(s -> s.results().stream()).filter(r -> r.outcome() == outcome).count();
    }
}
