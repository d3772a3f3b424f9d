// The extension's client wiring, with VS Code and the language client replaced by recording fakes (VS Code itself
// cannot run here): the configured executable is started with `lsp` and the extra arguments, for .regimen documents,
// and a change of the server settings restarts it.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const Module = require('node:module');

function load(settings) {
  const started = [];
  const handlers = {};
  const fakeVscode = {
    workspace: {
      getConfiguration: () => ({ get: key => settings[key] }),
      createFileSystemWatcher: glob => ({ glob }),
      onDidChangeConfiguration: h => { handlers.configuration = h; return { dispose() {} }; },
    },
    commands: { registerCommand: (name, h) => { handlers[name] = h; return { dispose() {} }; } },
  };
  class FakeClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, running: false });
      started.push(this);
    }
    async start() { this.running = true; }
    async stop() { this.running = false; }
    dispose() {}
  }
  const fakeClient = { LanguageClient: FakeClient, TransportKind: { stdio: 0 } };
  const original = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return fakeVscode;
    if (request === 'vscode-languageclient/node') return fakeClient;
    return original.call(this, request, ...rest);
  };
  try {
    delete require.cache[require.resolve('../../extension.js')];
    return { extension: require('../../extension.js'), started, handlers };
  } finally {
    Module._load = original;
  }
}

test('activate starts the configured regimen with lsp for .regimen documents', async () => {
  const settings = { 'server.path': '/opt/regimen/regimen', 'server.extraArgs': ['--debounce-ms', '20'] };
  const { extension, started } = load(settings);
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.equal(started.length, 1);
  const client = started[0];
  assert.equal(client.serverOptions.command, '/opt/regimen/regimen');
  assert.deepEqual(client.serverOptions.args, ['lsp', '--debounce-ms', '20']);
  assert.deepEqual(client.clientOptions.documentSelector, [{ language: 'regimen' }]);
  assert.match(client.clientOptions.synchronize.fileEvents.glob, /regimen\.yaml/);
  assert.ok(client.running);
});

test('the default executable is regimen on PATH, and a settings change restarts the server', async () => {
  const settings = {};
  const { extension, started, handlers } = load(settings);
  await extension.activate({ subscriptions: [] });
  assert.equal(started[0].serverOptions.command, 'regimen');
  assert.deepEqual(started[0].serverOptions.args, ['lsp']);
  settings['server.path'] = '/elsewhere/regimen';
  await handlers.configuration({ affectsConfiguration: section => section === 'regimen.server' });
  assert.equal(started.length, 2);
  assert.equal(started[0].running, false);
  assert.equal(started[1].serverOptions.command, '/elsewhere/regimen');
  await handlers.configuration({ affectsConfiguration: () => false });
  assert.equal(started.length, 2, 'other settings leave the server alone');
});
