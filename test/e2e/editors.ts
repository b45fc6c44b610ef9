// Shared by the tests of other editors: the configuration snippets docs/editors.md marks as tested, and a
// `policylint-language-server` command on PATH (as `npm link` would provide) that runs the built server.
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');

/** The fenced block of `language` right after `<!-- tested: test/e2e/<testFile> runs this block verbatim -->`. */
export function documentedSnippet(testFile: string, language: string): string {
  const doc = readFileSync(join(REPO, 'docs', 'editors.md'), 'utf8');
  const marker = `<!-- tested: test/e2e/${testFile} runs this block verbatim -->`;
  const at = doc.indexOf(marker);
  assert.ok(at >= 0, `docs/editors.md lost the snippet marked "${marker}"`);
  const block = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, 'm').exec(doc.slice(at));
  assert.ok(block, `no \`\`\`${language} block after "${marker}"`);
  return block[1]!;
}

/** Writes `dir/bin/policylint-language-server` running dist/server.js; returns a PATH with it first. */
export function pathWithServer(dir: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const command = join(bin, 'policylint-language-server');
  writeFileSync(command, `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'dist', 'server.js')}" "$@"\n`);
  chmodSync(command, 0o755);
  return `${bin}:${process.env.PATH ?? ''}`;
}
