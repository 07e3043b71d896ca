#!/usr/bin/env python3
"""Lists Swift functions longer than a limit, and fails on any not in a checked-in baseline.

Usage: scripts/function-lengths.py [--limit 60] [--baseline FILE] [--write-baseline] DIR...

A function's length is the lines from its `func`/`init`/`subscript` line to its closing brace.
Strings and comments are blanked before braces are counted, so a `{placeholder}` in a literal
does not move the end. The baseline lists `path<TAB>name` for the long functions that already
exist, so only a new long function (or one that grew past the limit) fails; a baseline entry
whose function is now short or gone is reported so the list can shrink.
"""
import os
import re
import sys

DECL = re.compile(r'\b(func\s+([^\s(<]+)|init[?!]?(?=\s*[(<])|subscript(?=\s*[(<]))')
STOPS = re.compile(r'^\s*(func|init|var|let|case|subscript|associatedtype|typealias|static|@)\b')


def blank_code(text):
    """The source with the inside of strings and comments replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(text)
    stack = ['code']  # 'code', ('str', hashes, triple), or 'interp' (with paren depth)
    parens = []
    while i < n:
        c = text[i]
        top = stack[-1]
        if top in ('code', 'interp'):
            if text.startswith('//', i):
                j = text.find('\n', i)
                j = n if j < 0 else j
                out.append(' ' * (j - i))
                i = j
                continue
            if text.startswith('/*', i):
                depth, j = 1, i + 2
                while j < n and depth:
                    if text.startswith('/*', j):
                        depth += 1
                        j += 2
                    elif text.startswith('*/', j):
                        depth -= 1
                        j += 2
                    else:
                        j += 1
                out.append(re.sub(r'[^\n]', ' ', text[i:j]))
                i = j
                continue
            m = re.match(r'(#*)("""|")', text[i:i + 40])
            if m and (m.group(1) or c == '"'):
                stack.append(('str', m.group(1), m.group(2) == '"""'))
                out.append(m.group(0))
                i += len(m.group(0))
                continue
            if top == 'interp':
                if c == '(':
                    parens[-1] += 1
                elif c == ')':
                    if parens[-1] == 0:
                        parens.pop()
                        stack.pop()
                        out.append(')')
                        i += 1
                        continue
                    parens[-1] -= 1
            out.append(c)
            i += 1
            continue
        _, hashes, triple = top
        close = ('"""' if triple else '"') + hashes
        if c == '\\' and text.startswith(hashes + '(', i + 1):
            stack.append('interp')
            parens.append(0)
            out.append(' ' * (1 + len(hashes)) + '(')
            i += 2 + len(hashes)
            continue
        if c == '\\' and not hashes:
            out.append('  ' if text[i + 1:i + 2] != '\n' else ' \n')
            i += 2
            continue
        if text.startswith(close, i):
            stack.pop()
            out.append(close)
            i += len(close)
            continue
        out.append('\n' if c == '\n' else ' ')
        i += 1
    return ''.join(out)


def long_functions(path, limit):
    """(line, name, length) for each function in `path` longer than `limit` lines."""
    with open(path, encoding='utf-8') as f:
        code = blank_code(f.read())
    found = []
    for m in DECL.finditer(code):
        name = m.group(2) or m.group(0).split('(')[0].strip()
        start = code.count('\n', 0, m.start()) + 1
        i, paren, open_at = m.end(), 0, None
        while i < len(code):
            c = code[i]
            if c in '([':
                paren += 1
            elif c in ')]':
                paren -= 1
            elif c == '{' and paren == 0:
                open_at = i
                break
            elif c == '}' and paren == 0:
                break
            elif c == '\n' and paren == 0 and STOPS.match(code[i + 1:code.find('\n', i + 1)]):
                break
            i += 1
        if open_at is None:
            continue  # a requirement without a body
        depth, j = 0, open_at
        while j < len(code):
            if code[j] == '{':
                depth += 1
            elif code[j] == '}':
                depth -= 1
                if depth == 0:
                    break
            j += 1
        length = code.count('\n', m.start(), j) + 1
        if length > limit:
            found.append((start, name, length))
    return found


def main(argv):
    limit, baseline, write, dirs = 60, None, False, []
    args = iter(argv)
    for a in args:
        if a == '--limit':
            limit = int(next(args))
        elif a == '--baseline':
            baseline = next(args)
        elif a == '--write-baseline':
            write = True
        else:
            dirs.append(a)
    rows = []
    for d in dirs:
        for root, _, files in os.walk(d):
            for name in sorted(files):
                if name.endswith('.swift'):
                    path = os.path.join(root, name)
                    rows += [(path, line, fn, length) for line, fn, length in long_functions(path, limit)]
    rows.sort()
    if write:
        with open(baseline, 'w') as f:
            f.write('# Functions over %d lines when this list was made (scripts/function-lengths.py).\n' % limit)
            f.write('# A new entry here needs a reason in review; shrink the list as they are split.\n')
            for path, _, fn, _ in rows:
                f.write('%s\t%s\n' % (path, fn))
        print('wrote %d entries to %s' % (len(rows), baseline))
        return 0
    known = []
    if baseline:
        with open(baseline) as f:
            known = [tuple(l.rstrip('\n').split('\t')) for l in f if l.strip() and not l.startswith('#')]
    new = []
    for path, line, fn, length in rows:
        listed = (path, fn) in known
        if listed:
            known.remove((path, fn))
        print('%s:%d: %s is %d lines%s' % (path, line, fn, length, '' if listed else ' (new: over %d)' % limit))
        if not listed:
            new.append(fn)
    for path, fn in known:
        print('%s: %s is in the baseline but no longer over %d lines: remove its line' % (path, fn, limit))
    if new:
        print('%d function(s) over %d lines not in %s: split them' % (len(new), limit, baseline), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
