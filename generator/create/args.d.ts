// Types for args.js, so the TypeScript tests can import it.
export declare const TEMPLATES: string[];
export declare const HELP: string;
export declare function readArgs(argv: string[]): { help: true } | { help: false; dir: string; template: string } | { error: string };
