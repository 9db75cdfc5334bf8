const MAX_PREVIEW = 240;
// Made once: this runs for every signed capture, and building a number format is not cheap.
const numbers = new Intl.NumberFormat("en-US");

/** The signed content for display: short enough to read, with the body's length said. */
export function abbreviate(content: string): string {
  if (content.length <= MAX_PREVIEW) return content;
  const head = content.slice(0, MAX_PREVIEW / 2);
  const tail = content.slice(-MAX_PREVIEW / 4);
  return `${head}…[${numbers.format(content.length - head.length - tail.length)} more characters]…${tail}`;
}

export function bytes(count: number): string {
  return `${numbers.format(count)} ${count === 1 ? "byte" : "bytes"}`;
}

export function duration(seconds: number): string {
  const abs = Math.abs(Math.round(seconds));
  if (abs < 120) return `${abs} s`;
  if (abs < 7200) return `${Math.round(abs / 60)} min`;
  if (abs < 172_800) return `${Math.round(abs / 3600)} h`;
  return `${Math.round(abs / 86_400)} days`;
}
