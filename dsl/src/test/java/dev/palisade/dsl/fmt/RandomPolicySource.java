package dev.palisade.dsl.fmt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random valid {@code .pal} source text, written straight from the grammar: tiers, policies (their
 * items in any order), alp rules, waf items, log blocks and tests, separated by random blanks,
 * comments and line ends (see {@link RandomLexemes}).
 */
final class RandomPolicySource {
    /** The source and the comments written into it; printed as the source when a property fails. */
    record Generated(String source, List<String> comments) {
        @Override
        public String toString() {
            return "\n----\n" + source + "\n----";
        }
    }

    private static final String[] NAMES = {"www", "api", "api-v2", "platform", "shop.v1", "_x", "default", "test", "end", "file"};
    private static final String[] VARIABLES = {"ARGS", "REQUEST_HEADERS", "REQUEST_URI", "TX"};
    private static final String[] MEMBERS = {"username", "User-Agent", "\"user name\"", "'x'", "on"};

    private final Random random;
    private final RandomLexemes lexemes;
    private final StringBuilder out = new StringBuilder();

    private RandomPolicySource(Random random) {
        this.random = random;
        this.lexemes = new RandomLexemes(random);
    }

    static Generated generate(Random random) {
        RandomPolicySource source = new RandomPolicySource(random);
        int declarations = 1 + random.nextInt(3);
        for (int i = 0; i < declarations; i++) {
            switch (random.nextInt(3)) {
                case 0 -> source.tier();
                case 1 -> source.policy();
                default -> new RandomTestBlock(source, random, source.lexemes).test();
            }
        }
        source.out.append(source.lexemes.separator());
        return new Generated(source.out.toString(), List.copyOf(source.lexemes.comments()));
    }

    void t(String... lexemes) {
        for (String lexeme : lexemes) {
            out.append(this.lexemes.separator()).append(lexeme);
        }
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private void tier() {
        t("tier", name(), "order", number());
        if (chance(50)) {
            t("default", lexemes.pick("deny", "pass"));
        }
    }

    private void policy() {
        t("policy", name(), "{");
        List<Runnable> items = new ArrayList<>(List.of(
                () -> t("namespace", lexemes.string()),
                () -> t("selector", lexemes.string()),
                () -> t("tier", name()),
                () -> t("order", number()),
                this::alp, this::waf, this::log));
        Collections.shuffle(items, random);
        items.stream().filter(item -> chance(60)).forEach(Runnable::run);
        t("}");
    }

    private void alp() {
        t("alp", "{");
        repeat(random.nextInt(4), () -> {
            t(lexemes.pick("allow", "deny"));
            if (chance(60)) {
                list(1 + random.nextInt(3), this::method);
            }
            if (chance(60)) {
                t("path");
                list(1 + random.nextInt(2), this::pathMatch);
            }
            repeat(random.nextInt(3), () -> {
                t("from", lexemes.pick("serviceaccount", "namespace"));
                list(1 + random.nextInt(2), () -> t(lexemes.string()));
            });
        });
        t("}");
    }

    private void waf() {
        t("waf", "{");
        repeat(random.nextInt(5), () -> {
            switch (random.nextInt(6)) {
                case 0 -> t("mode", lexemes.pick("blocking", "detection"));
                case 1 -> {
                    t("crs");
                    repeat(1 + random.nextInt(3), () -> {
                        String key = lexemes.pick("paranoia", "inbound-threshold", "outbound-threshold", "rules",
                                "version", "dir", "blocking-paranoia", "detection-paranoia", "early-blocking",
                                "arg-length", "combined-file-sizes");
                        if (key.equals("early-blocking")) {
                            t(key);
                        } else {
                            t(key, key.equals("rules") || key.equals("dir") ? lexemes.string() : number());
                        }
                    });
                }
                case 2 -> exclusion();
                case 3 -> customRule();
                case 4 -> t("seclang", "include", lexemes.string());
                default -> t("seclang", lexemes.string());
            }
        });
        t("}");
    }

    private void exclusion() {
        t("exclude", "rule");
        list(1 + random.nextInt(2), () -> {
            t(number());
            if (chance(30)) {
                t("-", number());
            }
        });
        if (chance(50)) {
            t("for");
            variable();
        }
        if (chance(50)) {
            t("on", "path");
            list(1 + random.nextInt(2), this::pathMatch);
        }
    }

    private void customRule() {
        t("rule", number(), lexemes.string(), "{");
        repeat(random.nextInt(5), () -> {
            switch (random.nextInt(5)) {
                case 0 -> t("phase", lexemes.pick("request-body", "response-headers", "request"));
                case 1 -> when();
                case 2 -> {
                    t("deny");
                    if (chance(50)) {
                        t(number());
                    }
                }
                case 3 -> t(lexemes.pick("tag", "msg"), lexemes.string());
                default -> t(lexemes.pick("log", "id 7", "severity 2", "chain"));
            }
        });
        t("}");
    }

    private void when() {
        t("when");
        list(1 + random.nextInt(2), this::variable);
        if (chance(50)) {
            t("|");
            repeat(1 + random.nextInt(2), () -> t(lexemes.pick("lowercase", "urlDecodeUni", "none")));
        }
        if (chance(30)) {
            t("!");
        }
        String operator = lexemes.pick("@rx", "@detectSQLi", "@beginsWith");
        t(operator);
        if (!operator.equals("@detectSQLi")) {
            t(lexemes.string());
        }
    }

    private void variable() {
        if (chance(20)) {
            t("!");
        } else if (chance(15)) {
            t("&");
        }
        t(lexemes.pick(VARIABLES));
        if (chance(60)) {
            t(":", lexemes.pick(MEMBERS));
        }
    }

    private void log() {
        t("log", "{");
        List<Runnable> items = new ArrayList<>(List.of(
                () -> t("interval", lexemes.pick("5s", "100ms", "2m", "1h")),
                () -> t("requests-per-interval", chance(50) ? "all" : number())));
        Collections.shuffle(items, random);
        items.stream().filter(item -> chance(70)).forEach(Runnable::run);
        t("}");
    }

    void method() {
        switch (random.nextInt(5)) {
            case 0 -> t("GET");
            case 1 -> t("HEAD");
            case 2 -> t("POST");
            case 3 -> t(lexemes.pick("\"PROPFIND\"", "'PROPFIND'"));
            default -> t("*");
        }
    }

    private void pathMatch() {
        t(lexemes.pick("exact", "prefix"), lexemes.string());
    }

    String name() {
        return lexemes.pick(NAMES);
    }

    String number() {
        return chance(10) ? "007" : Integer.toString(random.nextInt(100_000));
    }

    void list(int count, Runnable element) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                t(",");
            }
            element.run();
        }
    }

    static void repeat(int count, Runnable action) {
        for (int i = 0; i < count; i++) {
            action.run();
        }
    }
}
