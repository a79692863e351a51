package dev.palisade.cli.ftw;

/** The two YAML dialects of the OWASP CRS regression tests. */
public enum FtwFormat {
    /**
     * FTW v1 (CRS 3.x): {@code meta.enabled}, {@code tests[].test_title}, {@code stages[].stage.{input,output}};
     * requests are built like Python {@code ftw} 1.3.0.
     */
    FTW_V1,
    /**
     * go-ftw (CRS v4, github.com/coreruleset/ftw-tests-schema): {@code rule_id}, {@code tests[].test_id},
     * {@code stages[].{input,output}}; requests are built like go-ftw.
     */
    GO_FTW
}
