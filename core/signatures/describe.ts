const MAX_PREVIEW = 240;

/** The signed content for display: short enough to read, with the body's length said. */
export function abbreviate(content: string): string {
  if (content.length <= MAX_PREVIEW) return content;
  const head = content.slice(0, MAX_PREVIEW / 2);
  const tail = content.slice(-MAX_PREVIEW / 4);
  return `${head}…[${(content.length - head.length - tail.length).toLocaleString("en-US")} more characters]…${tail}`;
}

export function bytes(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "byte" : "bytes"}`;
}

export function duration(seconds: number): string {
  const abs = Math.abs(Math.round(seconds));
  if (abs < 120) return `${abs} s`;
  if (abs < 7200) return `${Math.round(abs / 60)} min`;
  if (abs < 172_800) return `${Math.round(abs / 3600)} h`;
  return `${Math.round(abs / 86_400)} days`;
}
