// Drift test: every registered rule has a documentation page, and the path the server links to is right.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../src/engine/index';
import { ruleDocPath } from '../src/engine/docs';

const ROOT = join(__dirname, '..', '..');

describe('rule documentation', () => {
  it('maps a rule id to docs/rules/<id>.md', () => {
    assert.equal(ruleDocPath('dangling-citation'), 'docs/rules/dangling-citation.md');
  });

  for (const rule of rules) {
    it(`${rule.id} has a page titled with its id`, () => {
      const path = join(ROOT, ruleDocPath(rule.id));
      assert.ok(existsSync(path), `${ruleDocPath(rule.id)} exists`);
      const page = readFileSync(path, 'utf8');
      assert.ok(page.startsWith(`# ${rule.id}\n`));
    });
  }
});
