// The part of madge's API the import-cycle test uses (the package ships no types, and
// @types/madge for one call is not worth a dependency).
declare module 'madge' {
  interface MadgeConfig {
    fileExtensions?: string[];
    tsConfig?: string;
    baseDir?: string;
  }
  interface MadgeResult {
    /** Each cycle as the files it passes through, relative to the common base folder. */
    circular(): string[][];
  }
  export default function madge(paths: string | string[], config?: MadgeConfig): Promise<MadgeResult>;
}
