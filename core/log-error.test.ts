import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { describeError } from "./log-error";

describe("describeError", () => {
  it("keeps a failed query's reason and drops its parameters", () => {
    const error = new DrizzleQueryError(
      'update "bins" set "secrets_sealed" = $1 where "bins"."id" = $2',
      ["sealed-secret-material", "bin_1"],
      new Error('relation "bins" does not exist'),
    );
    const line = describeError(error);
    expect(line).toBe('relation "bins" does not exist (update query)');
    expect(line).not.toContain("sealed-secret-material");
  });

  it("gives any other error's message, and a thrown value as text", () => {
    expect(describeError(new Error("connect ECONNREFUSED 127.0.0.1:5432"))).toBe(
      "connect ECONNREFUSED 127.0.0.1:5432",
    );
    expect(describeError("plain")).toBe("plain");
  });
});
