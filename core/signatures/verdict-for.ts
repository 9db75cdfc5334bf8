import type { BinSettings } from "../bins/settings";
import { customScheme } from "./schemes/custom";
import type { Secret, SignatureVerdict, SignedRequest } from "./types";
import { verifySignature } from "./verify";

type StoredParts = Omit<SignedRequest, "url"> & { binId: string };

/** The verdict for a request under a bin's current signing settings: at capture, and when re-verifying. */
export function signatureVerdictFor(
  request: StoredParts,
  bin: { settings: BinSettings; secrets: Secret[] | null },
  origin: string,
): SignatureVerdict {
  if (bin.secrets === null) {
    return {
      verdict: "unchecked",
      scheme: null,
      reason:
        "This bin's secret could not be decrypted: HOOKSCOPE_SECRET_KEY differs from the key it was saved with. Set the secret again.",
    };
  }
  const { signing } = bin.settings;
  return verifySignature(
    {
      ...request,
      url: `${origin}/h/${request.binId}${request.path}${request.query ? `?${request.query}` : ""}`,
    },
    {
      scheme: signing.scheme === "custom" && signing.custom ? customScheme(signing.custom) : signing.scheme,
      secrets: bin.secrets,
    },
  );
}
