#!/usr/bin/env bash
# Writes every output format of `wasp scan` and `wasp review` for the bundled examples and,
# when it is present, the public CloudFormation corpus, into OUTDIR: run it before and after a
# change and `diff -r` the two directories to see every user-visible difference.
#
#   scripts/outputs.sh WASP_BINARY OUTDIR [CORPUS_DIR]
set -uo pipefail
wasp=$(realpath "$1")
out=$2
corpus=${3:-"$(dirname "$0")/../../shared/corpora/aws-cloudformation-templates"}
mkdir -p "$out"
cd "$(dirname "$0")/.."
run() {
  local name=$1; shift
  "$wasp" "$@" >"$out/$name" 2>"$out/$name.stderr"
  echo "exit $?" >>"$out/$name.stderr"
}
sets=("examples:examples")
[ -d "$corpus" ] && sets+=("corpus:$corpus")
for s in "${sets[@]}"; do
  label=${s%%:*}; path=${s#*:}
  for f in text json sarif junit markdown html; do
    run "$label.scan.$f" scan --no-config --color never -f "$f" "$path"
  done
  run "$label.scan.text-verbose" scan --no-config --color never -v "$path"
  run "$label.scan.json-verbose" scan --no-config -v -f json "$path"
  for f in text json wa-answers markdown html; do
    run "$label.review.$f" review --no-config --color never -f "$f" "$path"
  done
done
run examples.review.answers.text review --color never --answers examples/hardened/answers.yaml examples/hardened
run examples.scan.policies.json scan --no-config -f json --policy examples/policies examples
run examples.rules.text rules
run examples.lens.coverage lens coverage
run examples.iam.analyze iam analyze examples
