import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims a data folder for this process with a pid file. A file left by a process that no longer
 * runs (a crash, a kill -9) is taken over; a live owner is an error that names it.
 */
export function acquireDirectoryLock(directory: string): () => void {
  const lockPath = path.join(directory, "hookscope.pid");
  const pid = String(process.pid);
  try {
    writeFileSync(lockPath, pid, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readFileSync(lockPath, "utf8").trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
      throw new Error(
        `The data folder ${directory} is in use by another Hookscope process (pid ${owner}). ` +
          "Stop it, or give this one its own HOOKSCOPE_DATA_DIR; the embedded database allows one process per folder.",
      );
    }
    writeFileSync(lockPath, pid);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    try {
      if (readFileSync(lockPath, "utf8").trim() === pid) unlinkSync(lockPath);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on("exit", release);
  return release;
}
