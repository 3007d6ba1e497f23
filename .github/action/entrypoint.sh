#!/usr/bin/env bash
# Entry point of the Parapet GitHub Action (action.yml): maps the action's inputs (INPUT_* variables) to
# 'parapet scan' flags, writes the Markdown report to the job summary, the SARIF file for code scanning, and the
# step outputs. The exit code is the scan's: 0 passed, 1 gate failed, 2 usage or configuration error, 3 incomplete.
# Runs outside GitHub too: point GITHUB_OUTPUT and GITHUB_STEP_SUMMARY at files (unset, they are skipped).
set -euo pipefail

root="${PARAPET_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

fail() {
  echo "::error title=Parapet::$1" >&2
  exit 2
}

# Inputs Parapet cannot honour yet are refused, never dropped: a scan without the caller's headers would grade
# something other than what was asked for, and the secret would be silently unused.
[[ -z "${INPUT_HEADERS:-}" ]] || fail "the headers input is not supported yet (authenticated scanning is not available); remove it rather than have the secret ignored"
[[ -z "${INPUT_TIER:-}" ]] || fail "the tier input is not supported yet; remove it"
url="${INPUT_URL:-}"
[[ -n "$url" ]] || fail "the url input is required (the base URL of the API to scan)"

sarif="${INPUT_SARIF:-parapet.sarif}"
[[ "$sarif" == *.sarif ]] || fail "the sarif input must name a file ending in .sarif, not '$sarif'"
work="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/parapet-action.XXXXXX")"
json="$work/parapet.json"
summary="$work/summary.md"
report="${INPUT_COMMENT:-}"
[[ -z "$report" || "$report" == *.md ]] || fail "the comment input must name a Markdown file ending in .md, not '$report'"

mkdir -p "$(dirname "$sarif")"

args=(scan "$url" --no-progress --color never -o "$json" -o "$summary" -o "$sarif")
[[ -z "${INPUT_THRESHOLD:-}" ]] || args+=(--threshold "$INPUT_THRESHOLD")
[[ -z "${INPUT_FAIL_ON:-}" ]] || args+=(--fail-on "$INPUT_FAIL_ON")
[[ -z "${INPUT_CONTEXT:-}" ]] || args+=(--context "$INPUT_CONTEXT")
[[ -z "${INPUT_MODE:-}" ]] || args+=(--mode "$INPUT_MODE")
[[ -z "${INPUT_SPEC:-}" ]] || args+=(--spec "$INPUT_SPEC")
[[ -z "${INPUT_BASELINE:-}" ]] || args+=(--baseline "$INPUT_BASELINE")
[[ -z "${INPUT_SUPPRESSIONS:-}" ]] || args+=(--suppressions "$INPUT_SUPPRESSIONS")

# PARAPET_JAR runs a given jar (tests use the one just built); otherwise ./parapet builds the jar once or reuses it.
if [[ -n "${PARAPET_JAR:-}" ]]; then
  parapet=(java -jar "$PARAPET_JAR")
else
  parapet=("$root/parapet")
fi

set +e
"${parapet[@]}" "${args[@]}"
code=$?
set -e

if [[ ! -s "$json" ]]; then
  echo "::error title=Parapet::the scan produced no report (exit code $code); see the log above" >&2
  exit "$code"
fi

# Reads one value from the JSON report: jq when the runner has it (GitHub's hosted runners do), else python3.
field() {
  if command -v jq >/dev/null 2>&1; then
    jq -r "$1 // \"\"" "$json"
  else
    python3 - "$json" "$2" <<'PY'
import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2].split("."):
    value = len(value) if key == "#" else (value or {}).get(key)
print("" if value is None else value)
PY
  fi
}

score="$(field '.score.score' 'score.score')"
grade="$(field '.score.grade' 'score.grade')"
count="$(field '.findings | length' 'findings.#')"
scan_id="$(field '.scanId' 'scanId')"

if [[ -n "$report" ]]; then
  mkdir -p "$(dirname "$report")"
  cp "$summary" "$report"
fi
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  cat "$summary" >> "$GITHUB_STEP_SUMMARY"
fi
if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  {
    echo "score=$score"
    echo "grade=$grade"
    echo "findings-count=$count"
    echo "scan-id=$scan_id"
    echo "sarif=$sarif"
    echo "report=${report:-$summary}"
  } >> "$GITHUB_OUTPUT"
fi
echo "Parapet: score ${score:-n/a}, grade $grade, $count findings (scan $scan_id); exit code $code" >&2
exit "$code"
