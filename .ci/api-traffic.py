"""Compares the integration suite's HTTP traffic (target/contract/traffic.tsv, recorded by the tests'
TrafficLog) with the served OpenAPI document (target/openapi.json): every answer of an /api operation
must have its status documented for that operation, with the media type it was sent as. Prints the
mismatches by kind and exits 1 when there are any (or with --report, always 0)."""
import collections
import json
import re
import sys

doc = json.load(open("target/openapi.json"))
operations = []
for template, item in doc["paths"].items():
    pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
    for method, op in item.items():
        if method in ("get", "put", "post", "patch", "delete", "head"):
            operations.append((pattern, template.count("{"), method.upper(), template, op))

kinds = collections.Counter()
examples = {}
seen = 0
for line in open("target/contract/traffic.tsv", encoding="utf-8"):
    method, path, status, ctype = (line.rstrip("\n").split("\t") + [""])[:4]
    if not path.startswith("/api/") or method == "OPTIONS":
        continue  # outside the API, or a CORS preflight (answered by the CORS filter, not an operation)
    seen += 1
    matches = sorted((m for m in operations if m[2] == method and m[0].match(path)), key=lambda m: m[1])
    if not matches:
        if status in ("404", "405"):
            continue  # a path or method that does not exist, answered as such
        kind = "operation not in the document"
        key = (kind, method + " " + path)
    else:
        _, _, _, template, op = matches[0]
        responses = op.get("responses", {})
        documented = responses.get(status) or responses.get(status[0] + "XX") or responses.get("default")
        media = ctype.split(";")[0].strip()
        if documented is None:
            kind = "status not documented"
            key = (kind, method + " " + template + " " + status)
        elif media and documented.get("content") and media not in documented["content"]:
            kind = "media type not documented"
            key = (kind, method + " " + template + " " + status + " " + media)
        else:
            continue
    kinds[kind] += 1
    examples.setdefault(key, 0)
    examples[key] += 1

total = sum(kinds.values())
print(f"api traffic: {seen} answers of /api operations checked, {total} mismatches in {len(examples)} distinct cases")
for kind, count in kinds.most_common():
    print(f"  {kind}: {count} answers")
for (kind, case), count in sorted(examples.items(), key=lambda e: (-e[1], e[0])):
    print(f"    {count:5d}  {kind}: {case}")
sys.exit(0 if total == 0 or "--report" in sys.argv else 1)
