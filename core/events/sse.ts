/**
 * One server-sent event. `data` must not contain a newline (JSON.stringify output never does), or the
 * browser would read the rest as new fields.
 */
export function sseEvent(event: { id?: string; event?: string; data: string }): string {
  let text = "";
  if (event.id !== undefined) text += `id: ${event.id}\n`;
  if (event.event !== undefined) text += `event: ${event.event}\n`;
  return `${text}data: ${event.data}\n\n`;
}

export const sseComment = (text: string) => `: ${text}\n\n`;
export const sseRetry = (milliseconds: number) => `retry: ${milliseconds}\n\n`;
