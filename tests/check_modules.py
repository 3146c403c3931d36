#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when two modules of src/ include each other, directly or round a loop.

A module is a .c/.h pair (src/core/show.c + show.h is the module core/show;
a header foo_internal.h belongs to module foo).
Module A depends on module B when A's .c or .h includes B's header. Issue 10
asks for no import cycle between modules: a cycle means neither half can be
read, tested or replaced without the other.

    check_modules.py SRC_DIR [MAX_LINES]

With MAX_LINES, a .c file longer than that fails too: a file that size holds
more than one idea (issue 10 set 1,000).
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def modules(src):
    mods = {}
    for dirpath, _, files in os.walk(src):
        for f in files:
            if f.endswith((".c", ".h")):
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, src)
                name = os.path.splitext(rel)[0]
                # foo_internal.h is foo's own header for the files that share
                # foo's private struct (show_internal.h): part of module foo
                if name.endswith("_internal") and f.endswith(".h"):
                    name = name[: -len("_internal")]
                mods.setdefault(name, []).append(path)
    return mods


def resolve(inc, from_dir, src, names):
    for base in (from_dir, src):
        cand = os.path.normpath(os.path.join(base, inc))
        rel = os.path.splitext(os.path.relpath(cand, src))[0]
        if rel.endswith("_internal") and rel[: -len("_internal")] in names:
            rel = rel[: -len("_internal")]
        if rel in names:
            return rel
    return None


def main():
    src = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "src")
    mods = modules(src)
    deps = {m: set() for m in mods}
    for m, paths in mods.items():
        for p in paths:
            with open(p, encoding="utf-8") as fh:
                for inc in INCLUDE.findall(fh.read()):
                    d = resolve(inc, os.path.dirname(p), src, mods)
                    if d and d != m:
                        deps[m].add(d)
    # Tarjan's strongly connected components: any with two or more is a cycle.
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(deps[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(deps):
        if v not in index:
            visit(v)
    for comp in out:
        print("import cycle: " + " <-> ".join(comp))
    too_long = 0
    if len(sys.argv) > 2:
        limit = int(sys.argv[2])
        for paths in mods.values():
            for p in paths:
                if p.endswith(".c"):
                    with open(p, encoding="utf-8") as fh:
                        n = sum(1 for _ in fh)
                    if n > limit:
                        print(f"{os.path.relpath(p, src)}: {n} lines, over {limit}")
                        too_long += 1
    print(f"{len(mods)} modules, {sum(len(d) for d in deps.values())} dependencies, "
          f"{len(out)} cycle(s)")
    return 1 if out or too_long else 0


if __name__ == "__main__":
    sys.exit(main())
