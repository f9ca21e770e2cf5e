// Progress off a terminal: one plain line per stage start and end on the stream given, the
// counts at the end of a counted stage, and never an escape code; a terminal only when it is a
// TTY and neither CI, NO_COLOR nor TERM=dumb says otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interactive, progress } from '../../../generator/commands/progress.js';

/** A stream that is not a TTY, and what was written to it. */
function pipe(): { stream: { isTTY: false; write: (s: string) => boolean }; text: () => string } {
  let written = '';
  return { stream: { isTTY: false, write: (s: string) => ((written += s), true) }, text: () => written };
}

describe('progress', () => {
  it('prints one plain line per stage start and end, with the counts and the time taken, off a terminal', () => {
    const out = pipe();
    let ms = 0;
    const shown = progress('verify', 'box.json', { stream: out.stream, env: {}, now: () => ms });
    shown.stage('start');
    ms = 2_600;
    shown.stage('requests', 296);
    shown.tick(120);
    shown.tick(176);
    ms = 25_700;
    shown.done();
    assert.equal(
      out.text(),
      [
        'specfirst verify box.json: start …',
        'specfirst verify box.json: start done in 2.6 s',
        'specfirst verify box.json: requests, 296 operations …',
        'specfirst verify box.json: requests done in 23.1 s (296/296 operations)',
        'specfirst verify box.json: done in 25.7 s',
        '',
      ].join('\n'),
    );
  });

  it('names the unit it is told to count', () => {
    const out = pipe();
    const shown = progress('fuzz', 'pets.yaml', { stream: out.stream, env: {}, now: () => 0 });
    shown.stage('properties', 18, 'properties');
    shown.tick();
    shown.done();
    assert.match(out.text(), /^specfirst fuzz pets\.yaml: properties, 18 properties …$/m);
    assert.match(out.text(), /^specfirst fuzz pets\.yaml: properties done in 0\.0 s \(1\/18 properties\)$/m);
  });

  it('writes no escape code off a terminal', () => {
    const out = pipe();
    const shown = progress('generate', 'a.yaml', { stream: out.stream, env: {} });
    shown.stage('load, lint, emit', 1, 'contract');
    shown.tick();
    shown.done();
    assert.doesNotMatch(out.text(), /\u001b/);
  });

  it('takes a TTY for a terminal unless CI, NO_COLOR or TERM=dumb is set, or its width is unknown', () => {
    const tty = { isTTY: true, columns: 100, write: () => true };
    assert.equal(interactive(tty, { TERM: 'xterm-256color' }), true);
    assert.equal(interactive(tty, { CI: 'true' }), false);
    assert.equal(interactive(tty, { CI: '' }), false);
    assert.equal(interactive(tty, { NO_COLOR: '1' }), false);
    assert.equal(interactive(tty, { TERM: 'dumb' }), false);
    assert.equal(interactive({ isTTY: false, write: () => true }, {}), false);
    assert.equal(interactive({ isTTY: true, columns: 0, write: () => true }, { TERM: 'xterm-256color' }), false);
    assert.equal(interactive({ isTTY: true, write: () => true }, { TERM: 'xterm-256color' }), false);
  });

  it('falls back to plain lines on a TTY when CI is set', () => {
    let written = '';
    const stream = { isTTY: true, write: (s: string) => ((written += s), true) };
    const shown = progress('verify', 'box.json', { stream, env: { CI: 'true' }, now: () => 0 });
    shown.stage('requests', 2);
    shown.done();
    assert.match(written, /^specfirst verify box\.json: requests, 2 operations …$/m);
    assert.doesNotMatch(written, /\u001b/);
  });
});
