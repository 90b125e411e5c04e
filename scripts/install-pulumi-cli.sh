#!/usr/bin/env bash
# Builds the Pulumi CLI from the Go module proxy for the end-to-end tier, cached by version.
#
#   PATH="$(bash scripts/install-pulumi-cli.sh):$PATH"
#
# Prints the directory holding `pulumi`, `pulumi-language-python` and `pulumi-language-python-exec` on stdout
# (what was built, and how long it took, on stderr). The wrapper module scripts/pulumi-cli pins the CLI
# (github.com/pulumi/pulumi/pkg/v3/cmd/pulumi, as a `tool`) and repeats upstream's non-local `replace`s.
# The upstream Python language host module is not served by the proxy, so pulumi-language-python is our stand-in
# (scripts/pulumi-cli/language-python), built against the same SDK module; pulumi-language-python-exec, the
# script that runs Python programs, is copied from that SDK module.
# A second run with the same sources is instant: the cache directory is keyed by the CLI version and checked
# against a hash of the wrapper module's files.
set -euo pipefail
script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$script")/pulumi-cli"
version="$(go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/sovereign-guard/pulumi/$version"
sources="$(cat go.mod go.sum language-python/*.go "$script" | sha256sum | cut -c1-64)"

if [[ -f "$cache/sources.sha256" && "$(cat "$cache/sources.sha256")" == "$sources" ]]; then
    echo "pulumi $version: cached in $cache" >&2
    echo "$cache/bin"
    exit 0
fi

started=$SECONDS
mkdir -p "${cache%/*}"
staging="$(mktemp -d "${cache%/*}/.build.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
ldflags="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version"
echo "building pulumi $version (github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) and the stand-in language host..." >&2
go build -trimpath -ldflags "$ldflags" -o "$staging/bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
go build -trimpath -ldflags "$ldflags" -o "$staging/bin/pulumi-language-python" ./language-python
sdk="$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)"
install -m 0755 "$sdk/python/cmd/pulumi-language-python-exec" "$staging/bin/pulumi-language-python-exec"
echo "$sources" > "$staging/sources.sha256"

rm -rf "$cache"  # a build of other sources
mv -T "$staging" "$cache" 2>/dev/null || echo "a concurrent build of pulumi $version finished first" >&2
{
    echo "built in $((SECONDS - started)) s into $cache ($(du -sh "$cache" | cut -f1)):"
    echo "  pulumi $("$cache/bin/pulumi" version) (github.com/pulumi/pulumi/pkg/v3@$version)"
    echo "  pulumi-language-python $("$cache/bin/pulumi-language-python" -version)" \
         "(stand-in, github.com/pulumi/pulumi/sdk/v3@$(go list -m -f '{{.Version}}' github.com/pulumi/pulumi/sdk/v3))"
    echo "  pulumi-language-python-exec (from github.com/pulumi/pulumi/sdk/v3)"
} >&2
echo "$cache/bin"
