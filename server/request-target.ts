// RFC 9112 §3.2.2: a server must accept a request target in absolute-form (`GET http://host/path`)
// and treat it as the origin-form path. Left alone, such a capture missed the /h/ prefix and Next
// answered it with a redirect to whatever host the sender named.
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The origin-form (`/path?query`) of a request target; origin-form and `*` pass through unchanged. */
export function originForm(target: string): string {
  const match = ABSOLUTE_FORM.exec(target);
  if (!match) return target;
  const rest = target.slice(match[0].length);
  return rest.startsWith("/") ? rest : `/${rest}`;
}
