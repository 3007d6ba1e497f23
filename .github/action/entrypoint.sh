#!/usr/bin/env bash
# Entry point of the Parapet GitHub Action (action.yml): gets the release jar (downloaded for the pinned version and
# checked against the release's SHA-256 file, or the jar named by the jar input / PARAPET_JAR), maps the inputs
# (INPUT_* variables) to 'parapet scan' flags, writes the Markdown report to the job summary, the SARIF file for code
# scanning, and the step outputs. It never builds Parapet. Credentials come as PARAPET_AUTH_* environment variables,
# which the CLI reads itself, so they never appear on a command line.
# The exit code is the scan's: 0 passed, 1 gate failed, 2 usage or configuration error, 3 incomplete.
# Runs outside GitHub too: point GITHUB_OUTPUT and GITHUB_STEP_SUMMARY at files (unset, they are skipped).
set -euo pipefail

fail() {
  echo "::error title=Parapet::$1" >&2
  exit 2
}

url="${INPUT_URL:-}"
[[ -n "$url" ]] || fail "the url input is required (the base URL of the API to scan)"
[[ -z "${INPUT_HEADERS:-}" ]] || fail "the headers input was replaced by auth-header (one 'Name: value' per line, from a secret); remove headers rather than have the secret ignored"

sarif="${INPUT_SARIF:-parapet.sarif}"
[[ "$sarif" == *.sarif ]] || fail "the sarif input must name a file ending in .sarif, not '$sarif'"
report="${INPUT_COMMENT:-}"
[[ -z "$report" || "$report" == *.md ]] || fail "the comment input must name a Markdown file ending in .md, not '$report'"
json="${INPUT_JSON:-parapet.json}"
[[ "$json" == *.json ]] || fail "the json input must name a file ending in .json, not '$json'"
work="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/parapet-action.XXXXXX")"
summary="$work/summary.md"

# A Java 21 or newer: JAVA_HOME (setup-java sets it) or java on PATH.
java="java"
[[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]] && java="$JAVA_HOME/bin/java"
command -v "$java" >/dev/null || fail "no java on PATH: Parapet needs a Java 21 or newer (actions/setup-java with java-version 21)"

# The release jar for a version: <base>/v<version>/parapet-<version>.jar and its .sha256; 'latest' takes
# <base>/../latest/download/parapet.jar. The base is GitHub's releases of the Action's repository.
download_jar() {
  local version="$1" base="${PARAPET_RELEASES_URL:-https://github.com/${PARAPET_REPOSITORY:-parapet-dev/parapet}/releases}"
  local name jar_url
  if [[ "$version" == latest ]]; then
    name="parapet.jar"; jar_url="$base/latest/download/$name"
  else
    version="${version#v}"
    [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([.-][0-9A-Za-z.-]+)?$ ]] || fail "the version input must be a release such as 0.1.0 or latest, not '$1'"
    name="parapet-$version.jar"; jar_url="$base/download/v$version/$name"
  fi
  local cache="${RUNNER_TOOL_CACHE:-$work}/parapet/$version"
  mkdir -p "$cache"
  curl -fsSL --retry 3 -o "$cache/$name" "$jar_url" || fail "could not download $jar_url"
  curl -fsSL --retry 3 -o "$cache/$name.sha256" "$jar_url.sha256" || fail "could not download $jar_url.sha256"
  local expected actual
  expected="$(awk '{print $1; exit}' "$cache/$name.sha256")"
  actual="$(sha256sum "$cache/$name" | awk '{print $1}')"
  if [[ -z "$expected" || "$expected" != "$actual" ]]; then
    rm -f "$cache/$name"
    fail "$name does not match its published SHA-256 (expected ${expected:-nothing}, got $actual); not running it"
  fi
  echo "Parapet: $name verified (sha256 $actual)" >&2
  printf '%s\n' "$cache/$name"
}

jar="${INPUT_JAR:-${PARAPET_JAR:-}}"
if [[ -n "$jar" ]]; then
  [[ -f "$jar" ]] || fail "the jar input names no file: $jar"
else
  version="${INPUT_VERSION:-}"
  # Default: the Action's own version when it is used at a release tag (uses: ...@v0.1.0), else the latest release.
  if [[ -z "$version" ]]; then
    if [[ "${PARAPET_ACTION_REF:-}" =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then version="$PARAPET_ACTION_REF"; else version=latest; fi
  fi
  jar="$(download_jar "$version")"
fi

mkdir -p "$(dirname "$sarif")" "$(dirname "$json")"
args=(scan "$url" --no-progress --color never -o "$json" -o "$summary" -o "$sarif")
add() { [[ -z "$2" ]] || args+=("$1" "$2"); }
add --spec "${INPUT_SPEC:-}"
add --tier "${INPUT_TIER:-}"
add --mode "${INPUT_MODE:-}"
add --checks "${INPUT_CHECKS:-}"
add --threshold "${INPUT_THRESHOLD:-}"
add --fail-on "${INPUT_FAIL_ON:-}"
add --context "${INPUT_CONTEXT:-}"
add --baseline "${INPUT_BASELINE:-}"
add --suppressions "${INPUT_SUPPRESSIONS:-}"
add --rate "${INPUT_RATE:-}"
add --max-time "${INPUT_MAX_TIME:-}"
add --config "${INPUT_CONFIG:-}"
# The rest, split like a shell would split words (quotes honoured) but never evaluated.
if [[ -n "${INPUT_ARGS:-}" ]]; then
  printf '%s' "$INPUT_ARGS" | xargs -n1 printf '' >/dev/null 2>&1 || fail "the args input has unbalanced quotes"
  mapfile -t extra < <(printf '%s' "$INPUT_ARGS" | xargs -n1 printf '%s\n')
  args+=("${extra[@]}")
fi

set +e
# shellcheck disable=SC2086
"$java" ${PARAPET_JAVA_OPTS:-} -jar "$jar" "${args[@]}"
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
    echo "json=$json"
    echo "report=${report:-$summary}"
    echo "exit-code=$code"
  } >> "$GITHUB_OUTPUT"
fi
echo "Parapet: score ${score:-n/a}, grade $grade, $count findings (scan $scan_id); exit code $code" >&2
exit "$code"
