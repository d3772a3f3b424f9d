// The VS Code client of `regimen lsp`: starts the server from the configured executable and hands .regimen files to it.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration('regimen');
  const command = config.get('server.path') || 'regimen';
  const args = ['lsp', ...(config.get('server.extraArgs') || [])];
  return { command, args, transport: TransportKind.stdio };
}

async function start(context) {
  client = new LanguageClient('regimen', 'RegimenLang', serverOptions(), {
    documentSelector: [{ language: 'regimen' }],
    synchronize: {
      // A configuration, formulary or patient file that changes on disk is checked again against the open regimens.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{regimen.yaml,*.patient.yaml,*formulary*.yaml}'),
    },
  });
  context.subscriptions.push(client);
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('regimen.restartServer', async () => {
    if (client) await client.stop();
    await start(context);
  }));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async e => {
    if (e.affectsConfiguration('regimen.server') && client) {
      await client.stop();
      await start(context);
    }
  }));
  await start(context);
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
