#!/usr/bin/env python3
"""Seeds for the tf_plan target: turns simple Terraform files into plan JSON.

A rough reading of HCL, enough for the control fixtures: literal attributes become planned
values, nested blocks become lists of objects, and any other expression is written as a string
with the expression's text (as an unknown would be). Not a Terraform implementation.

    tf_to_plan.py OUT_DIR MAX_BYTES FILE.tf...
"""
import hashlib
import json
import os
import re
import sys

TOKEN = re.compile(
    r'(?P<ws>[ \t\r]+)|(?P<nl>\n)|(?P<comment>#[^\n]*|//[^\n]*|/\*.*?\*/)'
    r'|(?P<heredoc><<-?(?P<tag>[A-Za-z_]+)\n(?P<body>.*?)\n[ \t]*(?P=tag)(?=\n|$))'
    r'|(?P<str>"(?:[^"\\]|\\.)*")|(?P<num>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)'
    r'|(?P<ident>[A-Za-z_][A-Za-z0-9_\-.*\[\]]*)|(?P<punct>=>|[{}\[\](),=:?<>!&|+*/%-])',
    re.S,
)


def tokens(text):
    out, i = [], 0
    while i < len(text):
        m = TOKEN.match(text, i)
        if not m:
            out.append(("other", text[i]))
            i += 1
            continue
        i = m.end()
        k = m.lastgroup if m.lastgroup not in ("tag", "body") else "heredoc"
        if k in ("ws", "comment"):
            continue
        if k == "heredoc":
            out.append(("str", m.group("body")))
        elif k == "str":
            out.append(("str", json.loads(m.group("str")) if "\\" not in m.group("str") else m.group("str")[1:-1]))
        else:
            out.append((k, m.group(0)))
    return out


class P:
    def __init__(self, toks):
        self.t, self.i = toks, 0

    def peek(self, skip_nl=True):
        j = self.i
        while skip_nl and j < len(self.t) and self.t[j][0] == "nl":
            j += 1
        return self.t[j] if j < len(self.t) else ("eof", "")

    def next(self, skip_nl=True):
        while skip_nl and self.i < len(self.t) and self.t[self.i][0] == "nl":
            self.i += 1
        tok = self.t[self.i] if self.i < len(self.t) else ("eof", "")
        self.i += 1
        return tok

    def body(self, end="}"):
        attrs, blocks = {}, []
        while True:
            k, v = self.peek()
            if k == "eof" or (k == "punct" and v == end):
                self.next()
                return attrs, blocks
            k, name = self.next()
            if k not in ("ident", "str"):
                continue
            labels = []
            while self.peek(False)[0] == "str":
                labels.append(self.next(False)[1])
            k2, v2 = self.peek(False)
            if k2 == "punct" and v2 in ("=", ":"):
                self.next(False)
                attrs[name] = self.expr()
            elif k2 == "punct" and v2 == "{":
                self.next(False)
                a, b = self.body()
                blocks.append((name, labels, a, b))

    def expr(self):
        k, v = self.peek()
        if k == "str":
            self.next()
            return self.rest(v)
        if k == "num":
            self.next()
            return self.rest(float(v) if "." in v or "e" in v.lower() else int(v))
        if k == "ident" and v in ("true", "false", "null"):
            self.next()
            return self.rest({"true": True, "false": False, "null": None}[v])
        if k == "ident" and v == "jsonencode" and self.t[self.i + 1 :][:1] == [("punct", "(")]:
            self.next()
            self.next()
            inner = self.expr()
            if self.peek()[1] == ")":
                self.next()
            return self.rest(json.dumps(inner))
        if k == "punct" and v == "[":
            self.next()
            items = []
            while True:
                k, v = self.peek()
                if k == "eof" or (k == "punct" and v in "]}"):
                    self.next()
                    return self.rest(items)
                if k == "punct" and v == ",":
                    self.next()
                    continue
                items.append(self.expr())
        if k == "punct" and v == "{":
            self.next()
            obj = {}
            while True:
                k, v = self.peek()
                if k == "eof" or (k == "punct" and v == "}"):
                    self.next()
                    return self.rest(obj)
                if k == "punct" and v == ",":
                    self.next()
                    continue
                key = self.next()[1]
                if self.peek(False)[1] in ("=", ":"):
                    self.next(False)
                    obj[str(key)] = self.expr()
        return self.raw()

    def rest(self, value):
        # A literal followed by an operator is part of a larger expression.
        k, v = self.peek(False)
        if k == "punct" and v not in (",", "]", "}", ")"):
            return "${" + json.dumps(value) + self.raw() + "}"
        return value

    def raw(self):
        parts, depth = [], 0
        while True:
            k, v = self.peek(False)
            if k == "eof" or (depth == 0 and (k == "nl" or (k == "punct" and v in (",", "]", "}")))):
                if not parts and k == "nl":
                    self.next(False)
                    continue
                return "${" + " ".join(str(p) for p in parts) + "}"
            self.next(False)
            if k == "punct" and v in "([{":
                depth += 1
            elif k == "punct" and v in ")]}":
                depth -= 1
            parts.append(json.dumps(v) if k == "str" else v)


def values(attrs, blocks):
    out = dict(attrs)
    for name, _labels, a, b in blocks:
        if name in ("lifecycle", "dynamic", "provisioner", "connection"):
            continue
        out.setdefault(name, []).append(values(a, b))
    return out


def plan(text):
    attrs, blocks = P(tokens(text)).body(end=None)
    resources = []
    for name, labels, a, b in blocks:
        if name == "resource" and len(labels) == 2:
            a = {k: v for k, v in a.items() if k not in ("count", "for_each", "depends_on", "provider")}
            resources.append({"address": f"{labels[0]}.{labels[1]}", "mode": "managed",
                              "type": labels[0], "name": labels[1],
                              "provider_name": "registry.terraform.io/hashicorp/aws",
                              "values": values(a, b)})
    if not resources:
        return None
    return {"format_version": "1.2", "terraform_version": "1.9.0",
            "planned_values": {"root_module": {"resources": resources}}}


def main():
    out, maxlen, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    for f in files:
        try:
            p = plan(open(f, encoding="utf-8").read())
        except Exception:
            continue
        if p is None:
            continue
        data = json.dumps(p, indent=1).encode()
        if len(data) <= maxlen:
            path = os.path.join(out, hashlib.sha1(data).hexdigest())
            if not os.path.exists(path):
                open(path, "wb").write(data)


if __name__ == "__main__":
    main()
