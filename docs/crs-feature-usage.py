#!/usr/bin/env python3
"""Counts the SecLang features a Core Rule Set uses, as ../shared/crs-feature-usage.md does for 3.3.4.

Usage: docs/crs-feature-usage.py OLD_FILES... -- NEW_FILES...   (prints Markdown tables: new vs old)

Method (the 3.3.4 document's): comment lines dropped, backslash-continued lines joined, each
directive tokenised (quoted strings with \\" escapes), actions split on commas outside single
quotes, variables split on | (not inside :/regex/ keys). Every SecRule counts, chained sub-rules
included; negated operators count under their operator; a SecRule without @ means @rx.
"""
import collections
import re
import sys


def directives(path):
    lines, current = [], ''
    with open(path, encoding='latin-1') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not current and line.lstrip().startswith('#'):
                continue
            if line.endswith('\\'):
                current += line[:-1]
                continue
            current += line
            if current.strip():
                lines.append(current.strip())
            current = ''
    return lines


def tokens(text):
    out, i = [], 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        if text[i] == '"':
            j, buf = i + 1, ''
            while j < len(text) and text[j] != '"':
                if text[j] == '\\' and j + 1 < len(text):
                    buf += text[j:j + 2]
                    j += 2
                    continue
                buf += text[j]
                j += 1
            out.append(buf)
            i = j + 1
        else:
            j = i
            while j < len(text) and not text[j].isspace():
                j += 1
            out.append(text[i:j])
            i = j
    return out


def split_actions(text):
    parts, buf, quoted = [], '', False
    for c in text:
        if c == "'":
            quoted = not quoted
        if c == ',' and not quoted:
            parts.append(buf.strip())
            buf = ''
        else:
            buf += c
    if buf.strip():
        parts.append(buf.strip())
    return parts


def split_variables(text):
    parts, buf, in_regex = [], '', False
    for i, c in enumerate(text):
        if c == '/' and (buf.endswith(':') or in_regex):
            in_regex = not in_regex if buf.endswith(':') or (in_regex and text[i - 1] != '\\') else in_regex
        if c == '|' and not in_regex:
            parts.append(buf)
            buf = ''
        else:
            buf += c
    parts.append(buf)
    return [p for p in parts if p]


def count(files):
    c = {k: collections.Counter() for k in ('directive', 'operator', 'transformation', 'variable', 'action', 'ctl')}
    for path in files:
        for d in directives(path):
            t = tokens(d)
            if not t:
                continue
            c['directive'][t[0]] += 1
            actions = []
            if t[0] == 'SecRule' and len(t) >= 3:
                for v in split_variables(t[1]):
                    name = v.lstrip('!&').split(':', 1)[0].upper()
                    c['variable'][name] += 1
                op = t[2].lstrip('!')
                c['operator'][op[1:].split(' ', 1)[0] if op.startswith('@') else 'rx'] += 1
                actions = split_actions(t[3]) if len(t) > 3 else []
            elif t[0] in ('SecAction', 'SecDefaultAction') and len(t) >= 2:
                actions = split_actions(t[1])
            for a in actions:
                name, _, value = a.partition(':')
                c['action'][name.strip()] += 1
                if name.strip() == 't':
                    c['transformation'][value.strip()] += 1
                if name.strip() == 'ctl':
                    c['ctl'][value.split('=', 1)[0].strip()] += 1
    return c


def main(argv):
    split = argv.index('--')
    old, new = count(argv[:split]), count(argv[split + 1:])
    titles = {'directive': 'Directives', 'operator': 'Operators', 'transformation': 'Transformations',
              'variable': 'Variables (collections)', 'action': 'Actions', 'ctl': '`ctl` options'}
    for kind, title in titles.items():
        n = new[kind]
        print(f'## {title} ({len(n)} distinct, {sum(n.values()):,} uses)\n')
        print('| name | v4.28.0 | 3.3.4 (Debian) | |')
        print('|---|---|---|---|')
        for name, uses in sorted(n.items(), key=lambda kv: (-kv[1], kv[0])):
            before = old[kind][name]
            print(f'| `{name}` | {uses:,} | {before:,} | {"**new**" if before == 0 else ""} |')
        gone = sorted(k for k in old[kind] if k not in n)
        if gone:
            print(f'\nUsed by 3.3.4, not by v4: {", ".join("`" + g + "`" for g in gone)}.')
        print()


if __name__ == '__main__':
    main(sys.argv[1:])
