/** `data.object.id`, `event.items[0].id`, optionally starting with `$.`: the subset users write. */
export const JSON_PATH_PATTERN = /^(\$\.)?[A-Za-z_$][\w$-]*(\[\d+\])*(\.[A-Za-z_$][\w$-]*(\[\d+\])*)*$/;

function segments(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const piece of path.replace(/^\$\./, "").split(".")) {
    const [name, ...indexes] = piece.split("[");
    parts.push(name ?? "");
    for (const index of indexes) parts.push(Number(index.slice(0, -1)));
  }
  return parts;
}

/** The value at a path, or undefined when any step is missing. */
export function readJsonPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of segments(path)) {
    if (current === null || typeof current !== "object") return undefined;
    // Only what the sender wrote: array elements, and objects' own keys (not `length`, `constructor`).
    const present = Array.isArray(current)
      ? typeof segment === "number" && segment < current.length
      : Object.hasOwn(current, segment);
    if (!present) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
