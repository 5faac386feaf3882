// Whether a process (by id) is still running: the test set-ups use it for a dead template builder's lock and for the
// shared processes a run ends.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
