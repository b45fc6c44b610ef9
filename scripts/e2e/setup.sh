#!/usr/bin/env bash
# Installs what the end-to-end suite needs, outside the repository, and caches it: code-server (the real VS Code
# workbench and extension host, served to a browser), Debian's Chromium to drive it, and Neovim and Emacs (Eglot)
# for the LSP tests.
# Idempotent: a finished install leaves a stamp (code-server and Node versions), and a second run only checks the
# stamp and the system packages.
# Usage: scripts/e2e/setup.sh            (prints the code-server entry point on its last line)
# Env:   POLICYLINT_E2E_CACHE            cache folder (default ~/.cache/policylint-e2e)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3   # later versions need Node 24
CACHE="${POLICYLINT_E2E_CACHE:-$HOME/.cache/policylint-e2e}"
PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
STAMP="$PREFIX/.policylint-setup-done"
# Native modules are built for one Node ABI: a different Node means a rebuild.
WANT="code-server $CODE_SERVER_VERSION, node $(node --version)"
ENTRY="$PREFIX/node_modules/code-server/out/node/entry.js"
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
log() { printf 'e2e-setup: %s\n' "$*" >&2; }

# 1. System packages: kerberos headers and a compiler for the native modules, ripgrep for search, the browser,
#    Neovim, Emacs with Eglot and markdown-mode, fonts. Only what is missing, so a warm run skips apt-get.
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v chromium >/dev/null || missing+=(chromium)
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
compgen -G '/usr/share/emacs/site-lisp/elpa-src/eglot-*' >/dev/null || missing+=(elpa-eglot)
compgen -G '/usr/share/emacs/site-lisp/elpa-src/markdown-mode-*' >/dev/null || missing+=(elpa-markdown-mode)
[[ -f /usr/include/krb5.h || -f /usr/include/krb5/krb5.h ]] || missing+=(libkrb5-dev)
command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
# Chinese glyphs for the screenshots (the checks read text, not pixels, and pass without them).
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  log "installing ${missing[*]} with apt-get"
  SUDO=(); [[ $(id -u) -eq 0 ]] || SUDO=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ -f "$ENTRY" && "$(cat "$STAMP" 2>/dev/null)" == "$WANT" ]]; then
  log "code-server $CODE_SERVER_VERSION is ready (cached in $PREFIX)"
  echo "$ENTRY"
  exit 0
fi

# Everything below reports on stderr: stdout carries only the entry point, on the last line.
exec 3>&1 1>&2

# 2. code-server itself, without its install scripts (they would download things).
started=$SECONDS
mkdir -p "$PREFIX"
cd "$PREFIX"
[[ -f package.json ]] || echo '{ "name": "policylint-e2e-cache", "private": true }' > package.json
if [[ ! -d node_modules/code-server/lib/vscode ]]; then
  log "npm install code-server@$CODE_SERVER_VERSION"
  npm install --no-save --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION"
fi

# 3. The VS Code server's own dependencies, native modules rebuilt for this Node.
VSCODE="$PREFIX/node_modules/code-server/lib/vscode"
cd "$VSCODE"
log "npm install in lib/vscode"
npm install --omit=dev --ignore-scripts --loglevel=error
mkdir -p node_modules/@vscode/ripgrep/bin
cp -f "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "rebuilding native modules"
npm rebuild --loglevel=error @parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid
[[ -e node_modules.asar ]] || ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
log "npm install in lib/vscode/extensions"
(cd extensions && npm install --omit=dev --loglevel=error >/dev/null)

# 4. code-server's password hashing module, rebuilt at the top.
cd "$PREFIX"
npm rebuild --loglevel=error argon2

node "$ENTRY" --version >/dev/null
echo "$WANT" > "$STAMP"
log "code-server $CODE_SERVER_VERSION installed in $((SECONDS - started)) s"
echo "$ENTRY" >&3
