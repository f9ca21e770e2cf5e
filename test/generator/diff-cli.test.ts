// `specfirst diff` as CI runs it: exit 0 when nothing breaks, 1 when something does (or a warning
// does with --fail-on warning), 2 on bad usage or a contract that cannot be loaded; each format on
// stdout; the accepted file; --base reading contracts/ at a git commit (a multi-file contract
// included); and `specfirst check --base`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture, ROOT, runCli, tempProject } from '../helpers.js';

const base = fixture('diff', 'base.yaml');
const revision = fixture('diff', 'revision.yaml');

describe('specfirst diff (CLI)', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  before(async () => (project = await tempProject('diff-cli', { linkSpecfirst: true })));
  after(() => project.remove());

  it('exits 0 with "no changes" for a contract against itself', async () => {
    const r = await runCli(['diff', base, base]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /no changes/);
  });

  it('exits 1 on a breaking change, printing it with both places', async () => {
    const r = await runCli(['diff', base, revision]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /breaking request-parameter-max-decreased: query parameter 'limit': maximum 100 → 50/);
    assert.match(r.stdout, /base test\/fixtures\/diff\/base\.yaml:10:36 {2}revision test\/fixtures\/diff\/revision\.yaml:10:36/);
  });

  it('exits 0 on warnings alone, and 1 with --fail-on warning', async () => {
    const accepted = join(project.dir, 'accept-breaking.yaml');
    await writeFile(accepted, 'accepted:\n  - id: request-parameter-max-decreased\n    reason: r\n  - id: api-path-removed-without-deprecation\n    reason: r\n');
    assert.equal((await runCli(['diff', base, revision, '--accepted', accepted])).code, 0);
    assert.equal((await runCli(['diff', base, revision, '--accepted', accepted, '--fail-on', 'warning'])).code, 1);
  });

  it('prints JSON, markdown and GitHub annotations on stdout', async () => {
    const json = JSON.parse((await runCli(['diff', base, revision, '--format', 'json'])).stdout) as { summary: { breaking: number } };
    assert.equal(json.summary.breaking, 2);
    assert.match((await runCli(['diff', base, revision, '--format', 'markdown'])).stdout, /^## specfirst diff\n/);
    assert.match((await runCli(['diff', base, revision, '--format', 'github'])).stdout, /^::error file=test\/fixtures\/diff\/revision\.yaml,line=10,col=36,title=request-parameter-max-decreased GET \/items::/m);
  });

  it('exits 2 on bad usage and on a contract that cannot be loaded, saying why', async () => {
    assert.equal((await runCli(['diff', base])).code, 2);
    assert.equal((await runCli(['diff', base, revision, '--format', 'xml'])).code, 2);
    assert.equal((await runCli(['diff', base, revision, '--fail-on', 'info'])).code, 2);
    const missing = await runCli(['diff', base, join(project.dir, 'nope.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /the revision contract cannot be loaded:\n.*nope\.yaml:1:1 error load cannot read the contract: no such file/);
  });

  describe('--base GIT-REF', () => {
    let repo: string;
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });

    before(async () => {
      repo = join(project.dir, 'repo');
      await mkdir(join(repo, 'contracts'), { recursive: true });
      await writeFile(join(repo, 'package.json'), '{ "type": "module" }\n');
      await cp(join(ROOT, 'test', 'fixtures', 'contracts', 'redocly-starter'), join(repo, 'contracts', 'starter'), { recursive: true });
      await writeFile(join(repo, 'contracts', 'shop.yaml'), await readFile(base, 'utf8'));
      git('init', '-q');
      git('add', '-A');
      git('commit', '-qm', 'base');
    });

    it('is empty for an unchanged working tree', async () => {
      const r = await runCli(['diff', '--base', 'HEAD'], repo);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /HEAD:contracts\/shop\.yaml → contracts\/shop\.yaml\n {2}no changes/);
    });

    it('reports a change in a file of a multi-file contract, naming the base side REF:path', async () => {
      const starter = join(repo, 'contracts', 'starter', 'openapi.yaml');
      const r0 = await runCli(['diff', '--base', 'HEAD', starter], repo);
      assert.equal(r0.code, 0, r0.stdout + r0.stderr);
      const changed = await runCli(['diff', '--base', 'HEAD', 'contracts/shop.yaml'], repo);
      assert.equal(changed.code, 0);
      await writeFile(join(repo, 'contracts', 'shop.yaml'), await readFile(revision, 'utf8'));
      const r = await runCli(['diff', '--base', 'HEAD', '--format', 'json'], repo);
      assert.equal(r.code, 1, r.stderr);
      const report = JSON.parse(r.stdout) as { contracts: { base: string; changes: { id: string; base: { file: string } | null }[] }[] };
      const shop = report.contracts.find((c) => c.base === 'HEAD:contracts/shop.yaml')!;
      const change = shop.changes.find((c) => c.id === 'request-parameter-max-decreased')!;
      assert.equal(change.base!.file, 'HEAD:contracts/shop.yaml');
    });

    it('passes a contract new since REF, and fails one removed since', async () => {
      const fresh = join(repo, 'contracts', 'fresh.yaml');
      await writeFile(fresh, await readFile(base, 'utf8'));
      const added = await runCli(['diff', '--base', 'HEAD', 'contracts/fresh.yaml'], repo);
      assert.equal(added.code, 0, added.stderr);
      await rm(fresh);
      await rm(join(repo, 'contracts', 'shop.yaml'));
      const removed = await runCli(['diff', '--base', 'HEAD'], repo);
      assert.equal(removed.code, 1, removed.stderr);
      assert.match(removed.stdout, /breaking api-contract-removed: contracts\/shop\.yaml removed with every operation in it/);
      await writeFile(join(repo, 'contracts', 'shop.yaml'), await readFile(revision, 'utf8'));
    });

    it('exits 2 for a ref that is no commit', async () => {
      const r = await runCli(['diff', '--base', 'no-such-ref'], repo);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--base no-such-ref: not a commit/);
    });

    it('specfirst check --base fails on a breaking change and passes once it is accepted', async () => {
      const shop = join(repo, 'contracts', 'shop.yaml');
      await writeFile(shop, await readFile(revision, 'utf8'));
      const generated = await runCli(['generate', 'contracts/shop.yaml'], repo);
      assert.equal(generated.code, 0, generated.stderr);
      const failing = await runCli(['check', 'contracts/shop.yaml', '--base', 'HEAD'], repo);
      assert.equal(failing.code, 1, failing.stderr);
      assert.match(failing.stderr, /✗ diff {7}2 breaking change\(s\) since HEAD/);
      await writeFile(
        join(repo, 'contracts', '.specfirst-accepted.yaml'),
        'accepted:\n  - id: request-parameter-max-decreased\n    operation: GET /items\n    reason: the server never returned more than 50\n  - id: api-path-removed-without-deprecation\n    operation: DELETE /items/{id}\n    reason: unused\n',
      );
      const passing = await runCli(['check', 'contracts/shop.yaml', '--base', 'HEAD'], repo);
      assert.match(passing.stderr, /✓ diff {7}no breaking change since HEAD/);
      assert.match(passing.stderr, /accepted request-parameter-max-decreased/);
    });
  });
});
