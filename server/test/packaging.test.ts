// Packaging: `npm run package` must produce a small .vsix holding the bundles, docs and manifest, and nothing
// from node_modules, sources or tests.
//
// The package script rebuilds dist/ in production mode, which would race with other tests that spawn the
// development bundles. So the test copies the working tree (without node_modules, dist and VCS data) into a
// temporary directory, links node_modules there, and runs the very same `npm run package` in the copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { rules } from '../src/engine/rules';

const REPO = resolve(__dirname, '..', '..');
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
const SKIPPED_TOP_LEVEL = new Set(['node_modules', 'dist', 'out', '.git', 'test-results', '.bench']);

/** Names of the entries in a zip file, read from its central directory (no unzip binary needed). */
function zipEntryNames(zip: Buffer): string[] {
  const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
  const CENTRAL_FILE_HEADER = 0x02014b50;
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  assert.ok(end >= 0, 'the .vsix is not a zip file (no end-of-central-directory record)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), CENTRAL_FILE_HEADER, `corrupt central directory at entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function npmCommand(): { command: string; prefix: string[] } {
  // Under `npm test`, npm tells us which npm is running; reuse it so the same version packages.
  const npmCli = process.env['npm_execpath'];
  if (npmCli && /npm-cli\.js$/.test(npmCli)) return { command: process.execPath, prefix: [npmCli] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', prefix: [] };
}

test('npm run package produces a small .vsix with the bundles, docs and manifest only', { timeout: 300_000 }, (t) => {
  const staging = mkdtempSync(join(tmpdir(), 'policylint-package-'));
  t.after(() => rmSync(staging, { recursive: true, force: true }));

  cpSync(REPO, staging, {
    recursive: true,
    filter: (source) => {
      if (source === REPO) return true;
      const relative = source.slice(REPO.length + 1);
      const top = relative.split(/[\\/]/)[0] ?? '';
      return !SKIPPED_TOP_LEVEL.has(top) && !basename(source).endsWith('.vsix');
    },
  });
  symlinkSync(join(REPO, 'node_modules'), join(staging, 'node_modules'), 'junction');

  const npm = npmCommand();
  const run = spawnSync(npm.command, [...npm.prefix, 'run', 'package'], {
    cwd: staging,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  assert.equal(run.status, 0, `npm run package failed:\n${run.stdout}\n${run.stderr}`);

  const vsix = join(staging, 'policylint.vsix');
  assert.ok(existsSync(vsix), 'policylint.vsix was not produced');
  const size = statSync(vsix).size;
  assert.ok(size < MAX_VSIX_BYTES, `policylint.vsix is ${size} bytes, over the ${MAX_VSIX_BYTES}-byte budget`);

  const names = zipEntryNames(readFileSync(vsix));
  // vsce stores README and CHANGELOG in lower case and LICENSE as LICENSE.txt, so compare names case-insensitively.
  const lowerNames = new Set(names.map((name) => name.toLowerCase()));
  for (const required of [
    'extension/dist/client.js',
    'extension/dist/server.js',
    'extension/dist/cli.js',
    'extension/dist/cli-worker.js',
    'extension/package.json',
    'extension/package.nls.json',
    'extension/package.nls.zh-cn.json',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/license.txt',
  ]) {
    assert.ok(lowerNames.has(required.toLowerCase()), `${required} is missing from the .vsix`);
  }
  assert.ok(
    names.some((name) => name.startsWith('extension/docs/rules/') && name.endsWith('.md')),
    'the rule documentation (extension/docs/rules/*.md) is missing from the .vsix',
  );

  const forbidden = names.filter(
    (name) =>
      name.includes('node_modules/') ||
      name.endsWith('.map') ||
      name.endsWith('.ts') ||
      /^extension\/(client|server|scripts|test|examples|\.ci)\//.test(name) ||
      name.endsWith('.vsix'),
  );
  assert.deepEqual(forbidden, [], 'the .vsix contains files that must not ship');
});

test('every %key% in package.json has an English and a Chinese translation, and nothing else is translated', () => {
  const manifest = readFileSync(join(REPO, 'package.json'), 'utf8');
  const used = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!))].sort();
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const translations = JSON.parse(readFileSync(join(REPO, file), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(translations).sort(), used, `${file} must translate exactly the keys package.json uses`);
    for (const [key, value] of Object.entries(translations)) {
      assert.ok(typeof value === 'string' && value.trim() !== '', `${file}: '${key}' is empty`);
    }
  }
});

test('the README documents every setting and every rule', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, unknown> } };
  };
  for (const setting of Object.keys(manifest.contributes.configuration.properties)) {
    assert.ok(readme.includes(`\`${setting}\``), `README.md does not mention the setting ${setting}`);
  }
  for (const rule of rules) {
    assert.ok(readme.includes(`(docs/rules/${rule.id}.md)`), `README.md does not link the rule page of ${rule.id}`);
  }
});
