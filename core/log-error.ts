/**
 * An error as one log line that carries no request data. drizzle puts a failed query's parameters in
 * its message ("Failed query: … params: …"), and those can be a bin's settings or a captured body: the
 * log gets the database's own reason instead. Anything else logs its message (never its stack).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message.startsWith("Failed query:")) {
    const cause = error.cause instanceof Error ? error.cause.message : "unknown cause";
    const statement = error.message.slice("Failed query:".length).trimStart().split(/\s+/, 1)[0] ?? "";
    return `${cause} (${statement.toLowerCase()} query)`;
  }
  return error.message;
}

/** Logs a failure of background or request work, through describeError. */
export function logError(context: string, error: unknown): void {
  console.error(`[hookscope] ${context}:`, describeError(error));
}
