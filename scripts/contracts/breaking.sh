#!/usr/bin/env bash
# `npm run contracts:breaking`: buf breaking (FILE rules, proto/buf.yaml) of the working tree's
# proto/ against proto/ as committed on the main branch (CONTRACTS_BASE_BRANCH overrides it).
#
# The base is exported with `git archive` rather than buf's `.git#branch=` input, so it works the
# same in a shallow CI clone, a fresh clone where main is the only branch, and a git worktree
# (where .git is a file). When main has no proto/ at all (the contracts are not committed yet)
# there is nothing to break: the check says so and passes. Any other problem fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

branch="${CONTRACTS_BASE_BRANCH:-main}"
if git rev-parse --verify --quiet "refs/heads/$branch^{commit}" >/dev/null; then
  base="refs/heads/$branch"
elif git rev-parse --verify --quiet "refs/remotes/origin/$branch^{commit}" >/dev/null; then
  base="refs/remotes/origin/$branch"
else
  echo "contracts:breaking: no branch '$branch' (nor origin/$branch) to compare proto/ with" >&2
  exit 1
fi

if [[ -z "$(git ls-tree -d "$base" proto)" ]]; then
  echo "contracts:breaking: $branch has no proto/ directory yet, so no contract to break; skipped"
  exit 0
fi

against="$(mktemp -d)"
trap 'rm -rf "$against"' EXIT
git archive "$base" proto | tar -x -C "$against"
echo "contracts:breaking: proto/ against $branch ($(git rev-parse --short "$base"))"
buf breaking proto --against "$against/proto"
