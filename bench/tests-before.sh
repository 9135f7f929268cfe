#!/bin/sh
# Runs today's version of some tests against the source of an older commit, to show that they
# fail there (a regression test that cannot fail proves nothing).
#
#   bench/tests-before.sh <commit> <test file>...
#
# Checks <commit> out in a temporary worktree (with this checkout's node_modules), copies the given
# test files and test/helpers/ in (the old test/fixtures stay), runs them with vitest and prints
# every test as "FAILS BEFORE" or "passes before", with the first line of the failure. The worktree
# is removed afterwards; this checkout is not touched.
#
# SKIP_BEFORE="title start|…": tests that cannot run on the old code at all (it reads /dev/zero or
# blocks on a FIFO forever) are skipped and listed as such. A watchdog stops the run if one of its
# processes passes 6 GB.
set -eu
[ $# -ge 2 ] || { echo "gebruik: bench/tests-before.sh <commit> <testbestand>..." >&2; exit 2; }
here=$(git rev-parse --show-toplevel)
commit=$1
shift
old=$(mktemp -d "${TMPDIR:-/tmp}/tests-before-XXXXXX")
cleanup() { git -C "$here" worktree remove --force "$old" 2>/dev/null || rm -rf "$old"; }
trap cleanup EXIT INT TERM
git -C "$here" worktree add --detach --quiet "$old" "$commit"
ln -s "$here/node_modules" "$old/node_modules"
mkdir -p "$old/test/helpers"
cp -r "$here/test/helpers/." "$old/test/helpers/"
for f in "$@"; do
  mkdir -p "$old/$(dirname "$f")"
  cp "$here/$f" "$old/$f"
done
if [ -n "${SKIP_BEFORE:-}" ]; then
  node -e '
const fs = require("fs");
const titles = process.env.SKIP_BEFORE.split("|");
for (const f of process.argv.slice(1)) {
  let s = fs.readFileSync(f, "utf8");
  for (const t of titles) s = s.split(`it(\x27${t}`).join(`it.skip(\x27${t}`);
  fs.writeFileSync(f, s);
}' $(for f in "$@"; do echo "$old/$f"; done)
fi
( while sleep 2; do
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/cwd" 2>/dev/null)" = "$old" ] || continue
      rss=$(awk '/^VmRSS/ {print $2}' "$p/status" 2>/dev/null)
      [ "${rss:-0}" -gt 6000000 ] && { echo "watchdog: proces ${p#/proc/} boven 6 GB gestopt" >&2; kill -9 "${p#/proc/}"; }
    done
  done ) &
watchdog=$!
cleanup() { kill "$watchdog" 2>/dev/null; git -C "$here" worktree remove --force "$old" 2>/dev/null || rm -rf "$old"; }
# An old commit may compile to dist/ (bin runs JavaScript) or run TypeScript through tsx.
if grep -q '"compile"' "$old/package.json"; then (cd "$old" && npx tsc -p tsconfig.build.json >/dev/null 2>&1 || true); fi
(cd "$old" && npx vitest run --reporter=json --outputFile="$old/.uitslag.json" "$@" >/dev/null 2>&1 || true)
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const file of r.testResults) {
  const name = file.name.replace(process.argv[2] + "/", "");
  if (!file.assertionResults.length) console.log(`FAILS BEFORE  ${name} (loads not at all): ${(file.message || "").split("\n")[0].slice(0, 160)}`);
  for (const t of file.assertionResults) {
    const why = t.status === "failed" ? `: ${(t.failureMessages[0] || "").split("\n")[0].slice(0, 160)}` : "";
    console.log(`${t.status === "failed" ? "FAILS BEFORE " : t.status === "passed" ? "passes before" : "not run      "} ${name} > ${t.fullName}${why}`);
  }
}' "$old/.uitslag.json" "$old"
