#!/usr/bin/env bash
# Checks that installer/build-deps.txt names every Debian package this build
# needs, independently of what else happens to be installed.
#
# Usage: installer/check-build-deps.sh FOUND_FILE [--without PKG]...
#   FOUND_FILE  the list of files configuration found (one absolute path a line;
#               "NOTFOUND:NAME" for a required run-time file that is missing),
#               written by cmake/FoundDependencies.cmake
#   --without   check as if PKG were not in build-deps.txt (to see the guard fire)
#
# For each file it asks dpkg which package owns it, and checks that the
# package is in the closure of build-deps.txt over Depends and Pre-Depends
# (never Recommends, as install-build-deps.sh installs with
# --no-install-recommends). The closure is walked over the installed packages,
# so it needs no package lists and no network.
# Exit status: 0 complete, 1 a package or file is missing, 2 usage,
# 77 not a dpkg system (the check is skipped).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list="$here/build-deps.txt"

found=${1:-}
[[ -n "$found" && -f "$found" ]] || { echo "usage: $0 FOUND_FILE [--without PKG]..." >&2; exit 2; }
shift
without=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --without) [[ $# -ge 2 ]] || { echo "--without needs a package" >&2; exit 2; }
                   without+=("$2"); shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
command -v dpkg-query >/dev/null 2>&1 || { echo "not a dpkg system: check skipped"; exit 77; }

roots=$(grep -Ev '^\s*(#|$)' "$list" | tr -d ' \t')
for w in "${without[@]}"; do
    roots=$(grep -vx -- "$w" <<<"$roots" || true)
done

# The closure of the roots over Depends and Pre-Depends among installed
# packages. An alternative (a | b) or a virtual package counts every installed
# package that satisfies it.
closure=$(
    { echo "$roots" | sed 's/^/ROOT\t/'
      dpkg-query -W -f='${db:Status-Abbrev}\t${Package}\t${Provides}\t${Pre-Depends}, ${Depends}\n' \
        | awk -F'\t' '$1 ~ /^ii/ { print "PKG\t" $2 "\t" $3 "\t" $4 }'
    } | awk -F'\t' '
        function bare(s) { gsub(/\([^)]*\)/, "", s); gsub(/:[a-z0-9]+/, "", s); gsub(/[ \t]/, "", s); return s }
        $1 == "ROOT" { root[$2] = 1; next }
        $1 == "PKG" {
            installed[$2] = 1; deps[$2] = $4
            n = split($3, prov, ",")
            for (i = 1; i <= n; i++) { p = bare(prov[i]); if (p != "") providers[p] = providers[p] " " $2 }
        }
        END {
            for (r in root) if (r in installed) { queue[++q] = r; seen[r] = 1 }
            for (h = 1; h <= q; h++) {
                n = split(deps[queue[h]], d, ",")
                for (i = 1; i <= n; i++) {
                    m = split(d[i], alt, "|")
                    for (j = 1; j <= m; j++) {
                        a = bare(alt[j]); if (a == "") continue
                        cand = ""
                        if (a in installed) cand = a
                        if (a in providers) cand = cand providers[a]
                        k = split(cand, c, " ")
                        for (x = 1; x <= k; x++) if (c[x] != "" && !(c[x] in seen)) { seen[c[x]] = 1; queue[++q] = c[x] }
                    }
                }
            }
            for (p in seen) print p
        }')

# Roots that are not installed at all: the list names something this machine
# lacks, so the check cannot vouch for it.
missing_roots=()
while read -r r; do
    [[ -z "$r" ]] && continue
    grep -qx -- "$r" <<<"$closure" || missing_roots+=("$r")
done <<<"$roots"

owner_of() {
    local f=$1 out candidate
    for candidate in "$f" "$(readlink -f "$f")" "${f#/usr}" "$(readlink -f "$f" | sed 's|^/usr||')"; do
        [[ -z "$candidate" ]] && continue
        if out=$(dpkg-query -S -- "$candidate" 2>/dev/null | grep -v '^diversion ' | head -n 1) && [[ -n "$out" ]]; then
            echo "${out%%: *}" | tr ',' '\n' | sed 's/^ *//; s/:.*$//'
            return 0
        fi
    done
    return 1
}

problems=0
checked=0
while read -r f; do
    [[ -z "$f" ]] && continue
    if [[ "$f" == NOTFOUND:* ]]; then
        echo "missing: run-time file ${f#NOTFOUND:} was not found at configure time"
        problems=$((problems + 1)); continue
    fi
    checked=$((checked + 1))
    if ! owners=$(owner_of "$f"); then
        echo "unowned: $f belongs to no Debian package (installed by hand?)"
        problems=$((problems + 1)); continue
    fi
    ok=0
    while read -r o; do grep -qx -- "$o" <<<"$closure" && ok=1; done <<<"$owners"
    if [[ $ok -eq 0 ]]; then
        echo "missing: $(tr '\n' ' ' <<<"$owners")owns $f but build-deps.txt does not pull it in without recommends"
        problems=$((problems + 1))
    fi
done <"$found"

for r in "${missing_roots[@]}"; do
    echo "not installed: $r is listed in build-deps.txt but not installed here"
    problems=$((problems + 1))
done

echo "build-deps: files=$checked closure=$(wc -l <<<"$closure") problems=$problems"
[[ $problems -eq 0 ]]
