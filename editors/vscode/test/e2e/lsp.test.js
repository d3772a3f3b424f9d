// End-to-end test of `regimen lsp` with a real client library over stdio (node's test runner).
// Run: npm run test:e2e (REGIMEN_COMMAND=path/to/regimen to test a native build; default: the JIT build).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, runRegimen, repo, rpc } = require('./client');

const regimenPath = path.join(repo, 'regimens', '08-hcvad-blina-frontline.regimen');
const uriOf = p => require('node:url').pathToFileURL(p).href;
const mainUri = uriOf(regimenPath);
const mainText = fs.readFileSync(regimenPath, 'utf8');
const scratch = name => uriOf(path.join(os.tmpdir(), 'regimen-lsp-e2e', name));

/** The 0-based position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
function positionOf(text, needle, delta = 0, nth = 1) {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `'${needle}' not found`);
  }
  index += delta;
  const before = text.slice(0, index).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Applies LSP text edits (non-overlapping) to a text. */
function applyEdits(text, edits) {
  const offset = pos => {
    const lines = text.split('\n');
    let o = 0;
    for (let i = 0; i < pos.line; i++) o += lines[i].length + 1;
    return o + pos.character;
  };
  const sorted = edits.map(e => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

test('regimen lsp end to end', async t => {
  const server = startServer();
  const c = server.connection;
  t.after(() => server.child.kill());

  await t.test('refuses requests before initialize', async () => {
    await assert.rejects(c.sendRequest('textDocument/hover', { textDocument: { uri: mainUri }, position: { line: 0, character: 0 } }),
      e => e.code === -32002);
  });

  await t.test('initialize: every feature is announced', async () => {
    const result = await c.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: uriOf(repo), capabilities: {} });
    const caps = result.capabilities;
    assert.equal(result.serverInfo.name, 'regimen');
    assert.equal(caps.textDocumentSync.change, rpc.TextDocumentSyncKind.Incremental);
    for (const feature of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider', 'foldingRangeProvider',
      'documentFormattingProvider', 'inlayHintProvider']) {
      assert.equal(caps[feature], true, feature);
    }
    assert.ok(caps.completionProvider && caps.renameProvider.prepareProvider && caps.codeActionProvider && caps.semanticTokensProvider.full);
    c.sendNotification(rpc.InitializedNotification.type, {});
  });

  await t.test('diagnostics on open are those of regimen check', async () => {
    c.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: mainUri, languageId: 'regimen', version: 1, text: mainText } });
    assert.deepEqual((await server.diagnostics(mainUri, 1)).diagnostics, []);
    // Every failing rule fixture: the same codes at the same places as the command line's JSON.
    const folder = path.join(repo, 'tests', 'RegimenLang.Tests', 'Fixtures', 'Rules');
    const files = fs.readdirSync(folder).filter(f => f.endsWith('.fail.regimen')).map(f => path.join(folder, f));
    assert.ok(files.length > 20);
    const check = JSON.parse(runRegimen(['check', '--format', 'json', ...files]));
    let compared = 0;
    for (const file of files) {
      const uri = uriOf(file);
      c.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'regimen', version: 1, text: fs.readFileSync(file, 'utf8') } });
      const published = await server.diagnostics(uri, 1);
      const fromCheck = check.diagnostics.filter(d => path.resolve(repo, d.file) === file).map(d => `${d.code}@${d.line}:${d.column} ${d.message}`).sort();
      const fromServer = published.diagnostics.map(d => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).sort();
      assert.deepEqual(fromServer, fromCheck, file);
      compared += fromCheck.length;
      c.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    assert.ok(compared > 20, `${compared} findings compared`);
  });

  await t.test('an edit is re-checked: a fatal route appears with its docs link, and goes when undone', async () => {
    const at = positionOf(mainText, 'vincristine 2 mg IV', 'vincristine 2 mg '.length);
    c.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: mainUri, version: 2 },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 2 } }, text: 'IT' }],
    });
    const broken = await server.diagnostics(mainUri, 2);
    const fatal = broken.diagnostics.find(d => d.code === 'RL3001');
    assert.ok(fatal, JSON.stringify(broken.diagnostics));
    assert.equal(fatal.severity, rpc.DiagnosticSeverity.Error);
    assert.equal(fatal.range.start.line, at.line);
    assert.match(fatal.codeDescription.href, /docs\/diagnostics\/RL3001\.md$/);
    assert.ok(fs.existsSync(new URL(fatal.codeDescription.href)), 'the linked page exists');
    c.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: mainUri, version: 3 },
      contentChanges: [{ text: mainText }],
    });
    const fixed = await server.diagnostics(mainUri, 3);
    assert.ok(!fixed.diagnostics.some(d => d.code === 'RL3001'));
  });

  await t.test('rapid edits: only the latest version may be published after it', async () => {
    const uri = scratch('rapid.regimen');
    const base = 'regimen "Rapid"\nid: rapid\nsource: NCT00000000\n\ncycle a length 21 days {\n  vincristine 2 mg IV day 1\n}\n\nplan {\n  main: a x 2\n}\n';
    c.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'regimen', version: 1, text: base } });
    for (let v = 2; v <= 30; v++) {
      c.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ text: base + `# edit ${v}\n` }] });
    }
    await server.diagnostics(uri, 30);
    const versions = server.published.filter(p => p.uri === uri).map(p => p.version);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'published in version order');
    assert.equal(versions.at(-1), 30);
  });

  await t.test('hover: drug facts, computed dose, cycle, diagnostic code', async () => {
    const drug = await c.sendRequest(rpc.HoverRequest.type, { textDocument: { uri: mainUri }, position: positionOf(mainText, 'vincristine 2 mg IV', 2) });
    assert.match(drug.contents.value, /vincristine/);
    assert.match(drug.contents.value, /IT/, 'the forbidden route is among the facts');
    const dose = await c.sendRequest(rpc.HoverRequest.type, { textDocument: { uri: mainUri }, position: positionOf(mainText, 'cyclophosphamide 300 mg/m2', 'cyclophosphamide 30'.length) });
    // 300 mg/m2 for the reference patient (170 cm, 72 kg: BSA 1.84 m2 by Mosteller) = 552 mg.
    assert.match(dose.contents.value, /08-hcvad-blina-frontline\.patient\.yaml/);
    assert.match(dose.contents.value, /dose: 552 mg/);
    assert.match(dose.contents.value, /course-a\) days 1-3/);
    const cycle = await c.sendRequest(rpc.HoverRequest.type, { textDocument: { uri: mainUri }, position: positionOf(mainText, 'cycle course-a', 8) });
    assert.match(cycle.contents.value, /cycle course-a.*21 days/);
    assert.match(cycle.contents.value, /used by the plan/);
    const code = await c.sendRequest(rpc.HoverRequest.type, { textDocument: { uri: mainUri }, position: positionOf(mainText, 'regimen-disable-next-line RL2006', 28) });
    assert.match(code.contents.value, /RL2006/);
  });

  await t.test('completion: drugs with aliases, units, routes, facts, cycles', async () => {
    const uri = scratch('complete.regimen');
    const text = 'regimen "C"\ninput cd20: percent\ncycle a length 21 days {\n  \n  vincristine 2 \n  vincristine 2 mg \n  rituximab 375 mg/m2 IV day 1 when \n}\nplan {\n  main: \n}\n';
    c.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'regimen', version: 1, text } });
    const labels = async (line, character) => (await c.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri }, position: { line, character } })).items.map(i => i.label);
    const lineStart = await c.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 2 } });
    assert.ok(lineStart.items.some(i => i.label === 'vincristine'));
    const alias = lineStart.items.find(i => i.label === '5-FU');
    assert.ok(alias && /fluorouracil/.test(alias.detail), 'an alias names its drug');
    assert.ok((await labels(4, 16)).includes('mg/m2'));
    assert.ok((await labels(5, 19)).includes('IT'));
    const facts = await labels(6, 36);
    assert.ok(facts.includes('cd20') && facts.includes('age'));
    assert.ok((await labels(9, 8)).includes('a'));
  });

  await t.test('definition, references and rename of a cycle', async () => {
    const use = positionOf(mainText, '(course-a', 2); // in the plan
    const definition = await c.sendRequest(rpc.DefinitionRequest.type, { textDocument: { uri: mainUri }, position: use });
    assert.equal(definition[0].range.start.line, positionOf(mainText, 'cycle course-a').line);
    const references = await c.sendRequest(rpc.ReferencesRequest.type, { textDocument: { uri: mainUri }, position: use, context: { includeDeclaration: true } });
    const mentions = mainText.split(/\bcourse-a\b/).length - 1;
    assert.equal(references.length, mentions);
    const prepared = await c.sendRequest(rpc.PrepareRenameRequest.type, { textDocument: { uri: mainUri }, position: use });
    assert.equal(prepared.placeholder, 'course-a');
    const edit = await c.sendRequest(rpc.RenameRequest.type, { textDocument: { uri: mainUri }, position: use, newName: 'hcvad-a' });
    const renamed = applyEdits(mainText, edit.changes[mainUri]);
    assert.ok(!/\bcourse-a\b/.test(renamed));
    assert.equal(renamed.split(/\bhcvad-a\b/).length - 1, mentions);
    await assert.rejects(c.sendRequest(rpc.RenameRequest.type, { textDocument: { uri: mainUri }, position: use, newName: 'course-b' }), /already a cycle/);
    await assert.rejects(c.sendRequest(rpc.RenameRequest.type, { textDocument: { uri: mainUri }, position: use, newName: 'two words' }), /not a name/);
  });

  await t.test('formatting gives the text of regimen fmt', async () => {
    const file = path.join(os.tmpdir(), `regimen-lsp-e2e-${process.pid}.regimen`);
    const messy = 'regimen   "F"\nid: f\nsource: NCT00000000\ncycle a length 21 days {\nvincristine   2 mg IV   day 1\n}\nplan {\n main: a x 2\n}\n';
    fs.writeFileSync(file, messy);
    const uri = uriOf(file);
    c.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'regimen', version: 1, text: messy } });
    const edits = await c.sendRequest(rpc.DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length > 0);
    runRegimen(['fmt', file]);
    assert.equal(applyEdits(messy, edits), fs.readFileSync(file, 'utf8'));
    fs.unlinkSync(file);
  });

  await t.test('code actions carry the structured fixes', async () => {
    const uri = scratch('fix.regimen');
    const text = 'regimen "Q"\nid: q\nsource: NCT00000000\ncycle a length 21 days {\n  vincristine 2.0 mg IV day 1\n}\nplan {\n  main: a x 2\n}\n';
    c.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'regimen', version: 1, text } });
    const published = await server.diagnostics(uri, 1);
    const trailing = published.diagnostics.find(d => d.message.includes('2.0'));
    assert.ok(trailing, JSON.stringify(published.diagnostics));
    const actions = await c.sendRequest(rpc.CodeActionRequest.type, { textDocument: { uri }, range: trailing.range, context: { diagnostics: [trailing] } });
    const quickFix = actions.find(a => a.kind === 'quickfix');
    assert.ok(quickFix && quickFix.diagnostics[0].code === trailing.code);
    assert.match(applyEdits(text, quickFix.edit.changes[uri]), /vincristine 2 mg IV/);
    assert.ok(actions.some(a => a.kind === 'source.fixAll.regimen'));
  });

  await t.test('outline, folding, inlay hints, semantic tokens', async () => {
    const symbols = await c.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri: mainUri } });
    const courseA = symbols.find(s => s.name === 'course-a');
    assert.ok(courseA && courseA.children.some(ch => ch.name === 'cyclophosphamide'));
    assert.ok(symbols.some(s => s.name === 'plan'));
    const folds = await c.sendRequest(rpc.FoldingRangeRequest.type, { textDocument: { uri: mainUri } });
    assert.ok(folds.some(f => f.startLine === positionOf(mainText, 'cycle course-a').line));
    assert.ok(folds.some(f => f.kind === 'comment' && f.startLine === 0));
    const hints = await c.sendRequest(rpc.InlayHintRequest.type, { textDocument: { uri: mainUri }, range: { start: { line: 0, character: 0 }, end: { line: 500, character: 0 } } });
    const dose = hints.find(h => h.position.line === positionOf(mainText, 'cyclophosphamide 300').line && h.label.startsWith('='));
    assert.equal(dose.label, '= 552 mg');
    assert.ok(hints.some(h => h.position.line === positionOf(mainText, 'cycle course-a').line && /^plan days 1-21/.test(h.label)));
    const tokens = await c.sendRequest(rpc.SemanticTokensRequest.type, { textDocument: { uri: mainUri } });
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
  });

  await t.test('bad input leaves the server answering', async () => {
    // A frame that is not JSON: answered with a parse error; the server goes on.
    server.child.stdin.write('Content-Length: 9\r\n\r\n{"bad": }');
    // Parameters of the wrong shape: invalid params.
    await assert.rejects(c.sendRequest('textDocument/hover', { textDocument: { uri: mainUri }, position: 'top' }), e => e.code === -32602);
    // A method nobody serves.
    await assert.rejects(c.sendRequest('regimen/nothing', {}), e => e.code === -32601);
    // A document never opened.
    assert.equal(await c.sendRequest(rpc.HoverRequest.type, { textDocument: { uri: scratch('never-opened.regimen') }, position: { line: 0, character: 0 } }), null);
    // A document over the 10 MB limit: one finding, no stall.
    const huge = scratch('huge.regimen');
    const big = 'regimen "H"\n' + '# ' + 'x'.repeat(100) + '\n'.repeat(1) ;
    c.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: huge, languageId: 'regimen', version: 1, text: big.repeat(110000) } });
    const tooLarge = await server.diagnostics(huge, 1);
    assert.equal(tooLarge.diagnostics.length, 1);
    assert.match(tooLarge.diagnostics[0].message, /MB|bytes|large/i);
    const still = await c.sendRequest(rpc.HoverRequest.type, { textDocument: { uri: mainUri }, position: positionOf(mainText, 'vincristine', 2) });
    assert.match(still.contents.value, /vincristine/);
  });

  await t.test('shutdown and exit', async () => {
    await c.sendRequest(rpc.ShutdownRequest.type);
    c.sendNotification(rpc.ExitNotification.type);
    assert.equal(await server.exited, 0);
  });
});
