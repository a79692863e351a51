package dev.palisade.engine.operator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalogue of operators: an explicit list, no self-registration (STYLE.md §3). {@link #names()}
 * is every operator ModSecurity documents — the compiler's checker lists the same names — and
 * {@link #unsupported()} the ones that need services or files Palisade does not have; creating one
 * of those is a load-time error that says why.
 *
 * <pre>Operator rx = Operators.create("rx", "^[0-9]+$", dataDirectory);</pre>
 *
 * <p>Names are matched case-insensitively, as ModSecurity does ({@code @RX} is {@code @rx}).
 */
public final class Operators {

    /** Builds one operator from its argument and the directory data files are relative to. */
    @FunctionalInterface
    private interface Factory {
        Operator create(String argument, Path dataDirectory) throws OperatorArgumentException;
    }

    private static final Map<String, String> UNSUPPORTED = unsupportedReasons();
    private static final Map<String, Factory> FACTORIES = factories();
    private static final Map<String, String> CANONICAL = canonicalNames();

    private Operators() {}

    /**
     * The operator {@code @name argument}, checked and compiled now.
     *
     * @throws OperatorArgumentException for an unknown or unsupported operator or a bad argument
     */
    public static Operator create(String name, String argument, Path dataDirectory) throws OperatorArgumentException {
        String canonical = CANONICAL.get(name.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw new OperatorArgumentException("unknown operator `@" + name + "`");
        }
        String reason = UNSUPPORTED.get(canonical);
        if (reason != null) {
            throw new OperatorArgumentException("operator `@" + canonical + "` is not supported: " + reason);
        }
        return FACTORIES.get(canonical).create(argument == null ? "" : argument, dataDirectory);
    }

    /** Every ModSecurity operator name, aliases included, supported or not. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>(FACTORIES.keySet());
        names.addAll(UNSUPPORTED.keySet());
        return Collections.unmodifiableSet(names);
    }

    /** The names {@link #create} rejects because Palisade lacks what they need. */
    public static Set<String> unsupported() {
        return Collections.unmodifiableSet(new TreeSet<>(UNSUPPORTED.keySet()));
    }

    private static Map<String, Factory> factories() {
        // CRS usage order first (crs-feature-usage.md), then the rest.
        Map<String, Factory> f = new LinkedHashMap<>();
        f.put("rx", (argument, data) -> new RxOperator(argument));
        f.put("lt", (argument, data) -> new LtOperator(argument));
        f.put("eq", (argument, data) -> new EqOperator(argument));
        f.put("endsWith", (argument, data) -> new EndsWithOperator(argument));
        f.put("streq", (argument, data) -> new StreqOperator(argument));
        f.put("ge", (argument, data) -> new GeOperator(argument));
        f.put("contains", (argument, data) -> new ContainsOperator(argument));
        f.put("pmFromFile", PmFromFileOperator::new);
        f.put("pmf", PmFromFileOperator::new);
        f.put("gt", (argument, data) -> new GtOperator(argument));
        f.put("within", (argument, data) -> new WithinOperator(argument));
        f.put("validateByteRange", (argument, data) -> new ValidateByteRangeOperator(argument));
        f.put("pm", (argument, data) -> new PmOperator(argument));
        f.put("ipMatch", (argument, data) -> new IpMatchOperator(argument));
        f.put("validateUrlEncoding", (argument, data) -> new ValidateUrlEncodingOperator());
        f.put("detectXSS", (argument, data) -> new DetectXssOperator());
        f.put("detectSQLi", (argument, data) -> new DetectSqliOperator());
        f.put("validateUtf8Encoding", (argument, data) -> new ValidateUtf8EncodingOperator());
        f.put("ipMatchFromFile", IpMatchFromFileOperator::new);
        f.put("ipMatchF", IpMatchFromFileOperator::new);
        f.put("le", (argument, data) -> new LeOperator(argument));
        f.put("beginsWith", (argument, data) -> new BeginsWithOperator(argument));
        f.put("strmatch", (argument, data) -> new StrmatchOperator(argument));
        f.put("containsWord", (argument, data) -> new ContainsWordOperator(argument));
        f.put("unconditionalMatch", (argument, data) -> new UnconditionalMatchOperator());
        f.put("noMatch", (argument, data) -> new NoMatchOperator());
        f.put("verifyCC", (argument, data) -> new VerifyCcOperator(argument));
        f.put("verifySSN", (argument, data) -> new VerifySsnOperator(argument));
        f.put("verifyCPF", (argument, data) -> new VerifyCpfOperator(argument));
        return f;
    }

    private static Map<String, String> unsupportedReasons() {
        Map<String, String> u = new LinkedHashMap<>();
        u.put("rbl", "it queries a DNS real-time blocklist, and rules must not wait on the network");
        u.put("geoLookup", "it needs a GeoIP database, which Palisade does not load");
        u.put("gsbLookup", "it needs a Google Safe Browsing database, which Palisade does not load");
        u.put("inspectFile", "it runs an external program on each uploaded file");
        u.put("fuzzyHash", "it needs ssdeep and a file of known fuzzy hashes");
        u.put("validateDTD", "it needs the XML request body parser and a DTD file");
        u.put("validateSchema", "it needs the XML request body parser and a schema file");
        u.put("validateHash", "it needs ModSecurity's response hash engine (`SecHashEngine`)");
        u.put("rsub", "it rewrites the response body stream rather than testing a value");
        return u;
    }

    private static Map<String, String> canonicalNames() {
        Map<String, String> canonical = new LinkedHashMap<>();
        for (String name : FACTORIES.keySet()) {
            canonical.put(name.toLowerCase(Locale.ROOT), name);
        }
        for (String name : UNSUPPORTED.keySet()) {
            canonical.put(name.toLowerCase(Locale.ROOT), name);
        }
        return canonical;
    }
}
