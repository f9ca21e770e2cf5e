// The validator's copies of a contract (normalised, then as requests and as responses see them),
// made by `specfirst build` and written beside the built openapi.json as normalized.json, so that a
// built server reads them instead of normalising the contract at every start (for Box's 296
// operations that was a third of the start-up). Keyed by openapi.json's hash like
// contract-problems.json: a file made for another version of the document is ignored, and the
// server normalises as it would without one. Never written by the server itself.
import { readFileSync } from 'node:fs';
import type { Document } from '../contract/document.js';
import type { Change } from '../normalize/index.js';
import { documentHash } from './document-hash.js';

export const NORMALIZED_FILE = 'normalized.json';

/** What prepareValidation makes from a document before any validator exists. */
export interface NormalizedCopies {
  requestDoc: Document;
  responseDoc: Document;
  changes: Change[];
  unknownFormats: string[];
}

interface NormalizedFile {
  specfirst: 1;
  /** sha256 of openapi.json as written: a stale file is ignored. */
  document: string;
  /** The response copy is written only when it differs from the request copy. */
  request: Document;
  response: Document | null;
  changes: Change[];
  unknownFormats: string[];
}

/** The text of normalized.json for openapi.json's text and the copies made from it. */
export function normalizedFileText(openapiJson: string, copies: NormalizedCopies): string {
  const file: NormalizedFile = {
    specfirst: 1,
    document: documentHash(openapiJson),
    request: copies.requestDoc,
    response: copies.responseDoc === copies.requestDoc ? null : copies.responseDoc,
    changes: copies.changes,
    unknownFormats: copies.unknownFormats,
  };
  return JSON.stringify(file);
}

/** The copies written for this very document beside it, or null (no file, another version, unreadable). */
export function readNormalizedCopies(documentUrl: URL, text: string): NormalizedCopies | null {
  let file: NormalizedFile;
  try {
    file = JSON.parse(readFileSync(new URL(NORMALIZED_FILE, documentUrl), 'utf8')) as NormalizedFile;
  } catch {
    return null;
  }
  if (file.specfirst !== 1 || file.document !== documentHash(text) || typeof file.request !== 'object' || file.request === null) return null;
  return { requestDoc: file.request, responseDoc: file.response ?? file.request, changes: file.changes ?? [], unknownFormats: file.unknownFormats ?? [] };
}
