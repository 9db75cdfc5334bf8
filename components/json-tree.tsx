"use client";

import { useState } from "react";

// Webhook payloads nest their substance a few levels down (Stripe's data.object.*); open that far,
// but leave big containers closed so a huge array does not render thousands of rows at once.
const OPEN_DEPTH = 4;
const OPEN_MAX_ENTRIES = 50;
const CHILD_PAGE = 200;

function Primitive({ value }: { value: unknown }) {
  if (typeof value === "string") {
    return <span className="break-all text-emerald-700 dark:text-emerald-400">{JSON.stringify(value)}</span>;
  }
  if (typeof value === "number")
    return <span className="text-sky-700 dark:text-sky-400">{String(value)}</span>;
  if (typeof value === "boolean")
    return <span className="text-violet-700 dark:text-violet-400">{String(value)}</span>;
  return <span className="text-zinc-500">null</span>;
}

function Node({ name, value, depth }: { name?: string; value: unknown; depth: number }) {
  const isContainer = typeof value === "object" && value !== null;
  const [open, setOpen] = useState(
    () =>
      isContainer && (depth === 0 || (depth < OPEN_DEPTH && Object.keys(value).length <= OPEN_MAX_ENTRIES)),
  );
  const [shown, setShown] = useState(CHILD_PAGE);
  const label =
    name === undefined ? null : (
      <span className="text-rose-700 dark:text-rose-300">{JSON.stringify(name)}: </span>
    );
  if (!isContainer) {
    return (
      <div className="pl-4">
        {label}
        <Primitive value={value} />
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries = isArray
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  const [openMark, closeMark] = isArray ? ["[", "]"] : ["{", "}"];
  return (
    <div className="pl-4">
      <button
        type="button"
        onClick={() => setOpen(!open)}
        className="-ml-4 w-4 text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200"
        aria-label={open ? "Collapse" : "Expand"}
        aria-expanded={open}
      >
        {open ? "▾" : "▸"}
      </button>
      {label}
      {openMark}
      {!open && (
        <button type="button" onClick={() => setOpen(true)} className="px-1 text-zinc-500 hover:underline">
          {entries.length}{" "}
          {isArray ? (entries.length === 1 ? "item" : "items") : entries.length === 1 ? "key" : "keys"}
        </button>
      )}
      {open &&
        entries
          .slice(0, shown)
          .map(([key, child]) => (
            <Node key={key} name={isArray ? undefined : key} value={child} depth={depth + 1} />
          ))}
      {open && entries.length > shown && (
        <button
          type="button"
          onClick={() => setShown(shown + CHILD_PAGE)}
          className="pl-4 text-zinc-500 hover:underline"
        >
          … {entries.length - shown} more
        </button>
      )}
      <span className={open ? "-ml-0 block" : ""}>{closeMark}</span>
    </div>
  );
}

/** A collapsible view of parsed JSON; every value is rendered as text. */
export function JsonTree({ value }: { value: unknown }) {
  return (
    <div data-testid="json-tree" className="-ml-4 font-mono text-[13px] leading-6">
      <Node value={value} depth={0} />
    </div>
  );
}
