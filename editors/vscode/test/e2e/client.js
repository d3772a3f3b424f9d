// A real LSP client for the end-to-end test: the JSON-RPC connection of vscode-languageserver-protocol (the library
// under VS Code's own client), talking to `regimen lsp` started as a separate process over stdio.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const path = require('node:path');
const rpc = require('vscode-languageserver-protocol/node');

const repo = path.resolve(__dirname, '..', '..', '..', '..');

/** The command that runs `regimen`: REGIMEN_COMMAND (a native binary or a `regimen` on PATH), else the JIT build. */
function regimenCommand() {
  if (process.env.REGIMEN_COMMAND) {
    return { command: process.env.REGIMEN_COMMAND, prefix: [] };
  }
  return { command: 'dotnet', prefix: [path.join(repo, 'src', 'RegimenLang.Cli', 'bin', 'Debug', 'net10.0', 'regimen.dll')] };
}

/** Runs `regimen ARGS...` to completion and returns its standard output (the exit status is the caller's to judge). */
function runRegimen(args) {
  const { command, prefix } = regimenCommand();
  try {
    return execFileSync(command, [...prefix, ...args], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (typeof e.stdout === 'string') return e.stdout;
    throw e;
  }
}

/** Starts the server and returns the connection, the process and a diagnostics inbox. */
function startServer(extraArgs = []) {
  const { command, prefix } = regimenCommand();
  const child = spawn(command, [...prefix, 'lsp', ...extraArgs], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', d => { stderr += d.toString(); });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = [];
  const waiters = [];
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, params => {
    published.push(params);
    for (const w of [...waiters]) {
      if (w.match(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  connection.listen();
  const exited = new Promise(resolve => child.on('exit', code => resolve(code)));
  return {
    connection,
    child,
    published,
    exited,
    stderr: () => stderr,
    /** The first publication (already received or to come) of `uri` at `version`. */
    diagnostics(uri, version, timeoutMs = 20000) {
      const match = p => p.uri === uri && p.version === version;
      const seen = published.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} in ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        waiters.push({ match, resolve: p => { clearTimeout(timer); resolve(p); } });
      });
    },
  };
}

module.exports = { startServer, runRegimen, repo, rpc };
