// Pure rules of locked evidence (docs/decisions/026-locked-evidence.md): what a lock's scope names, and how the locked
// files compare with the same files made now.

/** Where a lock's scope string says the files come from. */
export function parseLockScope(scope: string): { kind: 'unit'; slug: string } | { kind: 'region'; code: string } | { kind: 'all' } {
  if (scope.startsWith('unit:')) return { kind: 'unit', slug: scope.slice(5) };
  if (scope.startsWith('region:')) return { kind: 'region', code: scope.slice(7) };
  return { kind: 'all' };
}

export interface LiveComparison {
  /** Whether any file made now differs from the locked one (or is missing, or new). */
  changed: boolean;
  /** Files of the snapshot whose contents made now differ, or that can no longer be made. */
  changedFiles: string[];
  /** Files made now that the snapshot does not have (a unit added to the region since). */
  addedFiles: string[];
  /** For each file made now, its hash. */
  liveHashes: Record<string, string>;
}

/** Compares the locked files with the same files made now. */
export function compareFiles(locked: { name: string; sha256: string }[], live: { name: string; sha256: string }[]): LiveComparison {
  const liveHashes = Object.fromEntries(live.map((f) => [f.name, f.sha256]));
  const changedFiles = locked.filter((f) => liveHashes[f.name] !== f.sha256).map((f) => f.name);
  const addedFiles = live.filter((f) => !locked.some((l) => l.name === f.name)).map((f) => f.name);
  return { changed: changedFiles.length + addedFiles.length > 0, changedFiles, addedFiles, liveHashes };
}
