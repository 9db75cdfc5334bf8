-- Requests stored before search existed become searchable too. SQL has no lossy UTF-8 decoder, so
-- their bodies are indexed with non-ASCII bytes escaped (new captures are decoded by the app).
UPDATE "captured_requests" SET "search_text" =
  "path" || '?' || "query" || E'\n'
  || coalesce((SELECT string_agg((h ->> 0) || ': ' || (h ->> 1), E'\n') FROM jsonb_array_elements("headers") AS h), '')
  || E'\n\n' || encode(substring("body" from 1 for 65536), 'escape')
WHERE "search_text" IS NULL;
