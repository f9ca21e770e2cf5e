// catalogue.ts: the one list of contract problems, their levels, and which ones stop generation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../../generator/contract/diagnostics.js';
import { blocksGeneration, RULES, rulesHelp, stopsGeneration } from '../../../generator/lint/catalogue.js';

const problem = (rule: string, severity: Diagnostic['severity']): Diagnostic => ({ severity, file: 'c.yaml', line: 1, column: 1, pointer: '', rule, message: 'm' });

describe('the rule catalogue', () => {
  it('names every rule once', () => {
    const names = RULES.map((r) => r.name);
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
  });

  it('gives every rule a level and a summary', () => {
    for (const rule of RULES) {
      assert.ok(['error', 'warning', 'warning or error'].includes(rule.severity), `${rule.name}: ${rule.severity}`);
      assert.ok(rule.summary.length > 0, rule.name);
    }
  });

  it('lets only errors stop generation', () => {
    for (const rule of RULES.filter((r) => r.stopsGeneration)) assert.equal(rule.severity, 'error', rule.name);
  });
});

describe('blocksGeneration', () => {
  it('is true for an error of a rule that stops generation', () => {
    assert.equal(stopsGeneration(problem('ref-object', 'error')), true);
    assert.equal(blocksGeneration([problem('unused-component', 'warning'), problem('yaml', 'error')]), true);
  });

  it('is false for every other problem: the contract still generates', () => {
    assert.equal(blocksGeneration([problem('schema', 'error'), problem('pattern', 'warning')]), false);
    assert.equal(blocksGeneration([problem('ref', 'warning')]), false);
    // A schema `$ref` to nothing: the validator isolates the operations that reach it.
    assert.equal(blocksGeneration([problem('ref', 'error')]), false);
    assert.equal(blocksGeneration([problem('TS2322', 'error')]), false);
    assert.equal(blocksGeneration([]), false);
  });
});

describe('rulesHelp', () => {
  it('lists every rule once, the ones that stop generation first', () => {
    const help = rulesHelp();
    for (const rule of RULES) assert.equal(help.split('\n').filter((l) => l.trim().startsWith(`${rule.name} `)).length, 1, rule.name);
    const reported = help.indexOf('Reported');
    assert.ok(help.indexOf('  yaml ') < reported);
    assert.ok(help.indexOf('  unused-component ') > reported);
    assert.match(help, /unused-component +warning: a component nothing refers to/);
  });
});
