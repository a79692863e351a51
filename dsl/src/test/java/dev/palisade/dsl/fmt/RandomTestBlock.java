package dev.palisade.dsl.fmt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random {@code test} blocks: labels, namespace, cases and properties in any order. */
final class RandomTestBlock {
    private final RandomPolicySource source;
    private final Random random;
    private final RandomLexemes lexemes;

    RandomTestBlock(RandomPolicySource source, Random random, RandomLexemes lexemes) {
        this.source = source;
        this.random = random;
        this.lexemes = lexemes;
    }

    void test() {
        source.t("test", source.name(), "{");
        List<Runnable> items = new ArrayList<>();
        if (source.chance(50)) {
            items.add(this::labels);
        }
        if (source.chance(40)) {
            items.add(() -> source.t("namespace", lexemes.string()));
        }
        RandomPolicySource.repeat(random.nextInt(4), () -> items.add(this::testCase));
        RandomPolicySource.repeat(random.nextInt(3), () -> items.add(this::property));
        Collections.shuffle(items, random);
        items.forEach(Runnable::run);
        source.t("}");
    }

    private void labels() {
        source.t("labels");
        source.list(1 + random.nextInt(3), () -> {
            switch (random.nextInt(3)) {
                case 0 -> source.t("app");
                case 1 -> source.t("app.kubernetes.io", "/", "name");
                default -> source.t("labels");
            }
            source.t("=", lexemes.string());
        });
    }

    private void testCase() {
        source.method();
        source.t(lexemes.string());
        List<Runnable> parts = new ArrayList<>();
        if (source.chance(40)) {
            parts.add(() -> {
                source.t("from", "serviceaccount", lexemes.string());
                if (source.chance(50)) {
                    source.t("namespace", lexemes.string());
                }
            });
        }
        if (source.chance(20)) {
            parts.add(() -> source.t("from", "namespace", lexemes.string()));
        }
        RandomPolicySource.repeat(random.nextInt(3), () -> parts.add(() -> source.t("header", lexemes.string(), "=", lexemes.string())));
        if (source.chance(30)) {
            parts.add(() -> {
                source.t("form");
                RandomPolicySource.repeat(1 + random.nextInt(2), () -> source.t(lexemes.pick("a", "user", "json", "body"), "=", lexemes.string()));
            });
        }
        if (source.chance(40)) {
            parts.add(() -> source.t(lexemes.pick("json", "body"), lexemes.string()));
        }
        RandomPolicySource.repeat(random.nextInt(3), () -> parts.add(() -> {
            source.t("cookie");
            RandomPolicySource.repeat(1 + random.nextInt(2), () -> source.t(lexemes.pick("sid", "theme", "file"), "=", lexemes.string()));
        }));
        if (source.chance(30)) {
            parts.add(() -> {
                source.t("multipart");
                RandomPolicySource.repeat(1 + random.nextInt(3), () -> {
                    source.t(lexemes.pick("note", "upload", "file"), "=");
                    if (source.chance(50)) {
                        source.t("file", lexemes.string());
                    }
                    source.t(lexemes.string());
                });
            });
        }
        Collections.shuffle(parts, random);
        parts.forEach(Runnable::run);
        source.t(lexemes.pick("->", "→"));
        expectation();
    }

    private void property() {
        source.t("property", lexemes.string(), "{");
        RandomPolicySource.repeat(random.nextInt(3), () -> {
            source.t("for", "all");
            if (source.chance(50)) {
                source.list(1 + random.nextInt(2), source::method);
            }
            source.t("paths");
            if (source.chance(40)) {
                if (source.chance(50)) {
                    source.t("not");
                }
                source.t("in", "[");
                source.list(1 + random.nextInt(2), () -> source.t(lexemes.string()));
                source.t("]");
            } else if (source.chance(50)) {
                source.t("under", lexemes.string());
            }
            source.t(lexemes.pick("->", "→"));
            expectation();
        });
        source.t("}");
    }

    private void expectation() {
        if (source.chance(40)) {
            source.t("allow");
            if (source.chance(30)) {
                source.t("quietly");
            }
        } else {
            source.t("deny");
            if (source.chance(50)) {
                source.t(source.number());
            }
            if (source.chance(40)) {
                source.t("rule");
                source.list(1 + random.nextInt(2), () -> source.t(source.number()));
            }
        }
        if (source.chance(40)) {
            decider();
        }
    }

    private void decider() {
        switch (random.nextInt(4)) {
            case 0 -> source.t("by", "policy", source.name(), "rule", source.number());
            case 1 -> source.t("by", "default", "of", "tier", source.name());
            case 2 -> source.t("by", "default");
            default -> source.t("at", "the", "end", "of", "all", "tiers");
        }
    }
}
