// Where values are written in a JSON text, found in one pass for any number of pointers: the YAML
// parser keeps positions too, but it takes over a second and 150 MB for a 1.7 MB JSON contract
// that JSON.parse reads in 15 ms. Subtrees no requested pointer goes through are skipped unparsed.

interface Trie {
  children: Map<string, Trie>;
  /** The offset found for this prefix: a member's key, an array item's first character. */
  offset?: number;
}

/**
 * For each pointer (as segments), the offset of the deepest prefix found in `text`: the key of an
 * object member, the first character of an array item, 0 for the document itself.
 */
export function jsonOffsets(text: string, pointers: readonly (readonly string[])[]): number[] {
  const root: Trie = { children: new Map(), offset: 0 };
  for (const segments of pointers) {
    let node = root;
    for (const s of segments) {
      let next = node.children.get(s);
      if (!next) node.children.set(s, (next = { children: new Map() }));
      node = next;
    }
  }
  try {
    new Scanner(text).value(root);
  } catch {
    // A text JSON.parse accepted never gets here; keep what was found.
  }
  return pointers.map((segments) => {
    let node = root;
    let offset = 0;
    for (const s of segments) {
      const next = node.children.get(s);
      if (!next || next.offset === undefined) break;
      node = next;
      offset = next.offset;
    }
    return offset;
  });
}

class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  /** Reads one value; descends only where `trie` has children. */
  value(trie: Trie | undefined): void {
    this.space();
    const c = this.text[this.i];
    if (!trie || trie.children.size === 0) return this.skip();
    if (c === '{') return this.object(trie);
    if (c === '[') return this.array(trie);
    return this.skip();
  }

  private object(trie: Trie): void {
    this.i++;
    this.space();
    if (this.text[this.i] === '}') return void this.i++;
    for (;;) {
      this.space();
      const start = this.i;
      const key = this.string();
      const child = trie.children.get(key);
      if (child) child.offset = start;
      this.space();
      this.i++; // ':'
      this.value(child);
      this.space();
      if (this.text[this.i++] === '}') return;
    }
  }

  private array(trie: Trie): void {
    this.i++;
    this.space();
    if (this.text[this.i] === ']') return void this.i++;
    for (let index = 0; ; index++) {
      this.space();
      const child = trie.children.get(String(index));
      if (child) child.offset = this.i;
      this.value(child);
      this.space();
      if (this.text[this.i++] === ']') return;
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    let escaped = false;
    for (;;) {
      const c = this.text.charCodeAt(this.i++);
      if (c === 92) {
        this.i++;
        escaped = true;
      } else if (c === 34) break;
      else if (Number.isNaN(c)) throw new Error('unterminated string');
    }
    const raw = this.text.slice(start, this.i);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** Skips one value of any kind without building it. */
  private skip(): void {
    this.space();
    const c = this.text[this.i];
    if (c === '"') return void this.string();
    if (c !== '{' && c !== '[') {
      while (this.i < this.text.length && !',}] \t\r\n'.includes(this.text[this.i]!)) this.i++;
      return;
    }
    let depth = 0;
    while (this.i < this.text.length) {
      const ch = this.text[this.i];
      if (ch === '"') {
        this.string();
        continue;
      }
      this.i++;
      if (ch === '{' || ch === '[') depth++;
      else if ((ch === '}' || ch === ']') && --depth === 0) return;
    }
  }

  private space(): void {
    while (this.i < this.text.length) {
      const c = this.text.charCodeAt(this.i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return;
      this.i++;
    }
  }
}
