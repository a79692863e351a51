package dev.palisade.cli.tune;

import dev.palisade.cli.testing.Coverage;
import dev.palisade.cli.testing.PolicyTestRunner;
import dev.palisade.cli.testing.PropertyRunner;
import dev.palisade.cli.testing.RequestDecider;
import dev.palisade.cli.testing.TestRequest;
import dev.palisade.cli.testing.TestResult;
import dev.palisade.cli.testing.TestWorkloads;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.PolicyWafs;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Severity;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.RuleMatch;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.proxy.pipeline.PolicyBundle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy set checked, compiled and ready to run its tests as {@code palisade test} does: the
 * compiled ALP matcher, then the WAFs of the policies that select the test's workload.
 */
public final class PolicyTests {
    private final PolicyCompiler.Result result;
    private final IrBundle ir;
    private final CompiledPolicy policy;
    private final Map<String, IrWaf> lowered;
    private final Map<String, WafEngine> wafs = new LinkedHashMap<>();

    private PolicyTests(PolicyCompiler.Result result, Map<String, IrWaf> lowered) {
        this.result = result;
        this.ir = result.ir().orElseThrow();
        this.policy = PolicyCompiler.load(ir, Optional.empty()).policy();
        this.lowered = lowered;
        lowered.forEach((name, waf) -> wafs.put(name, new WafInterpreter(waf)));
    }

    /** Checks and compiles; on errors, empty, with the errors added to {@code problems}. */
    public static Optional<PolicyTests> compile(List<Path> files, List<String> problems) {
        PolicyCompiler.Result result = PolicyCompiler.check(files);
        Diagnostics wafDiagnostics = new Diagnostics();
        Map<String, IrWaf> lowered = result.diagnostics().hasErrors() ? Map.of()
                : PolicyWafs.lower(result.unit(), wafDiagnostics);
        List<Diagnostic> errors = new ArrayList<>(result.diagnostics().sorted());
        errors.addAll(wafDiagnostics.sorted());
        errors.removeIf(diagnostic -> diagnostic.severity() != Severity.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(error -> problems.add(error.span().location() + ": " + error.headline()));
            return Optional.empty();
        }
        return Optional.of(new PolicyTests(result, lowered));
    }

    public PolicyCompiler.Result result() {
        return result;
    }

    /**
     * Every test's outcome, named {@code test NAME: CASE} (a repeated case gets {@code #2}, …): no file
     * location, so the same test matches up in a copy whose lines moved. Properties use {@code seed}
     * and {@code tries}, so two runs generate the same requests.
     */
    public Map<String, TestResult.Outcome> run(long seed, int tries) {
        Coverage coverage = new Coverage(ir, lowered);
        PolicyTestRunner runner = new PolicyTestRunner(new RequestDecider(policy, wafs),
                new PropertyRunner(seed, tries, ir.rulePaths(), coverage), coverage);
        Map<String, TestResult.Outcome> outcomes = new LinkedHashMap<>();
        for (PolicyFile file : result.unit().files()) {
            for (TestDecl test : file.tests()) {
                for (TestResult one : runner.run(test, TestWorkloads.of(test, ir))) {
                    String name = "test " + test.name().text() + ": " + one.name();
                    String key = name;
                    for (int repeat = 2; outcomes.containsKey(key); repeat++) {
                        key = name + " #" + repeat;
                    }
                    outcomes.put(key, one.outcome());
                }
            }
        }
        return outcomes;
    }

    /**
     * The test cases expected to be allowed that are, and on which WAF rules fired: benign by the
     * policy's word. Only firings that name the variable they matched count: a test case is a sketch
     * of a request (no {@code User-Agent}, no {@code Accept}), and the protocol rules that notice
     * what it lacks (920320, 920300) say nothing about the application.
     */
    public List<BenignRequest> benignCases() {
        RequestDecider decider = new RequestDecider(policy, wafs);
        List<BenignRequest> benign = new ArrayList<>();
        for (PolicyFile file : result.unit().files()) {
            for (TestDecl test : file.tests()) {
                Workload workload = TestWorkloads.of(test, ir);
                RequestDecider.Target target = decider.target(workload);
                Optional<String> owner = wafPolicy(workload);
                for (TestDecl.TestCase testCase : test.cases()) {
                    if (!testCase.expected().allow()) {
                        continue;
                    }
                    TestRequest request = TestRequest.of(testCase, workload);
                    RequestDecider.Outcome outcome = target.decide(request);
                    if (!outcome.allowed() || outcome.waf().isEmpty() || outcome.waf().get().matches().isEmpty()) {
                        continue;
                    }
                    List<BenignRequest.Firing> firings = new ArrayList<>();
                    for (RuleMatch match : outcome.waf().get().matches()) {
                        if (MatchedVariable.from(match.data()).isPresent()) {
                            firings.add(new BenignRequest.Firing(match.id(), match.message(), match.data()));
                        }
                    }
                    if (firings.isEmpty()) {
                        continue;
                    }
                    benign.add(new BenignRequest("test " + test.name().text() + ": " + request.describe() + " ("
                            + testCase.span().location() + ")", workload.labels().getOrDefault("app", test.name().text()),
                            workload.namespace(), FilenamePath.of(request.target()), firings, owner.orElse(null)));
                }
            }
        }
        return benign;
    }

    /**
     * The policy whose WAF inspects a service's traffic: the first (in bundle order) with a
     * {@code waf} block that selects the workload labelled {@code app=SERVICE} in the namespace.
     */
    public Optional<String> policyFor(String service, String namespace) {
        if (service == null) {
            return Optional.empty();
        }
        return wafPolicy(new Workload(Map.of("app", service), namespace == null ? "default" : namespace));
    }

    /** Whether the policy of that name has a {@code waf} block. */
    public boolean hasWaf(String policyName) {
        return wafs.containsKey(policyName);
    }

    private Optional<String> wafPolicy(Workload workload) {
        PolicyBundle bundle = new PolicyBundle(policy, policy.select(workload), Instant.EPOCH, wafs);
        return bundle.selectedPolicies().stream().filter(wafs::containsKey).findFirst();
    }
}
