// The body of an answer as verify and fuzz read it. A streamed answer (SSE, JSON Lines, json-seq)
// may never end — a change feed lasts until the client leaves — so it is read until it ends, or
// until MAX_ITEMS items came, or until it has been quiet for IDLE_MS; then it is cancelled and the
// items that came are what is checked (each one, against the item schema).
import { sequenceKind } from '../../server/runtime/contract/media-types.js';
import { ItemSplitter } from '../../server/runtime/contract/sequences.js';

export const MAX_ITEMS = 20;
export const IDLE_MS = 100;

export async function readAnswer(res: Response): Promise<string> {
  const kind = sequenceKind(res.headers.get('content-type') ?? '');
  if (!kind || kind === 'multipart' || !res.body) return res.text();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const splitter = new ItemSplitter(kind);
  let text = '';
  let items = 0;
  try {
    while (items < MAX_ITEMS) {
      let timer: NodeJS.Timeout | undefined;
      const quiet = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), IDLE_MS)));
      const step = await Promise.race([reader.read(), quiet]);
      clearTimeout(timer);
      if (step === null || step.done) break;
      const chunk = decoder.decode(step.value, { stream: true });
      text += chunk;
      items += splitter.push(chunk).length;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text;
}
