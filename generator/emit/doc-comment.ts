// JSDoc comments from contract text (summary, description). Contract text can contain anything,
// including `*/`, so this is the only place that turns it into a comment.

/** A JSDoc block from paragraphs; empty paragraphs are skipped. */
export function docComment(paragraphs: (string | null | undefined)[], { deprecated = false, indent = '' } = {}): string {
  const lines = paragraphs
    .filter((p): p is string => Boolean(p && p.trim()))
    .flatMap((p, i) => (i === 0 ? p.trim().split('\n') : ['', ...p.trim().split('\n')]))
    .map((l) => escapeComment(l).trimEnd());
  if (deprecated) lines.push('', '@deprecated');
  return [`${indent}/**`, ...lines.map((l) => `${indent} *${l ? ' ' + l : ''}`), `${indent} */`].join('\n');
}

/** Text safe inside a comment, on one line: for `// TODO: …` lines. */
export function commentLine(text: string): string {
  return escapeComment(text.replace(/\s+/g, ' ').trim());
}

function escapeComment(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}
