// Latency of `regimen lsp` as an editor sees it: types a line into the largest shipped regimen one character per
// change (incremental didChange) and measures, for each keystroke, the time to the publishDiagnostics of that version;
// then times hovers and completions. Run: node test/bench/latency.js [keystrokes] (REGIMEN_COMMAND as for the e2e test).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { performance } = require('node:perf_hooks');
const { startServer, repo, rpc } = require('../e2e/client');

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5).toFixed(2), p95: at(0.95).toFixed(2), max: sorted[sorted.length - 1].toFixed(2) };
}

async function main() {
  const rounds = Number(process.argv[2] || 5);
  const folder = path.join(repo, 'regimens');
  const largest = fs.readdirSync(folder).filter(f => f.endsWith('.regimen'))
    .map(f => path.join(folder, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  const text = fs.readFileSync(largest, 'utf8');
  const uri = pathToFileURL(largest).href;
  const server = startServer();
  const c = server.connection;
  await c.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  c.sendNotification(rpc.InitializedNotification.type, {});
  c.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'regimen', version: 1, text } });
  await server.diagnostics(uri, 1);

  // The line typed at the end of the first cycle's body, a character at a time, then deleted, `rounds` times.
  const line = '  vincristine 1.4 mg/m2 IV days 1, 8 cap 2 mg\n';
  const cycleEnd = text.indexOf('\n}', text.indexOf('cycle ')) + 1;
  const before = text.slice(0, cycleEnd).split('\n');
  const at = { line: before.length - 1, character: 0 };
  let version = 1;
  const check = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < line.length; i++) {
      version++;
      const pos = i < line.length - 1 ? { line: at.line, character: i } : { line: at.line, character: i };
      const started = performance.now();
      const published = server.diagnostics(uri, version);
      c.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: line[i] }],
      });
      await published;
      check.push(performance.now() - started);
    }
    version++;
    const removed = server.diagnostics(uri, version);
    c.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: { line: at.line + 1, character: 0 } }, text: '' }],
    });
    await removed;
  }

  const hover = [];
  const completion = [];
  const lines = text.split('\n');
  const doseLines = lines.map((l, i) => [l, i]).filter(([l]) => /^\s+[a-z]/.test(l) && /mg/.test(l));
  for (let r = 0; r < rounds * 20; r++) {
    const [l, i] = doseLines[r % doseLines.length];
    let started = performance.now();
    await c.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: { line: i, character: l.search(/\d/) } });
    hover.push(performance.now() - started);
    started = performance.now();
    await c.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri }, position: { line: i, character: l.length } });
    completion.push(performance.now() - started);
  }
  await c.sendRequest(rpc.ShutdownRequest.type);
  c.sendNotification(rpc.ExitNotification.type);
  await server.exited;
  console.log(`file: ${path.relative(repo, largest)} (${text.length} characters); server: ${process.env.REGIMEN_COMMAND || 'JIT build (dotnet regimen.dll)'}`);
  console.log('didChange -> publishDiagnostics (ms):', JSON.stringify(stats(check)));
  console.log('hover on a dose line (ms):          ', JSON.stringify(stats(hover)));
  console.log('completion at the end of a line (ms):', JSON.stringify(stats(completion)));
}

main().catch(e => { console.error(e); process.exit(1); });
