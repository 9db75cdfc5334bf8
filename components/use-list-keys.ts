"use client";

import { useEffect } from "react";
import type { RequestSummary } from "@/core/requests/types";
import { copyText } from "./copy-button";

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** j/k (or the arrow keys) move through the list; c copies the capture URL. */
export function useListKeys(
  requests: RequestSummary[],
  selectedId: string | null,
  select: (id: string) => void,
  captureUrl: string,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const index = requests.findIndex((request) => request.id === selectedId);
      const move = (step: number) => {
        const next = requests[Math.min(requests.length - 1, Math.max(0, index + step))];
        if (next) {
          event.preventDefault();
          select(next.id);
        }
      };
      if (event.key === "j" || event.key === "ArrowDown") move(1);
      else if (event.key === "k" || event.key === "ArrowUp") move(-1);
      else if (event.key === "c") void copyText(captureUrl);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [requests, selectedId, select, captureUrl]);
}
