/** Okta object ids: 20 letters and digits (`0oa…` apps, `ocs…` secrets, `pks…` keys). */
export const oktaIdPattern = /^[0-9A-Za-z]{20}$/;

/** Builds a resource id `"<appId>/<childId>"` (a secret or a key of an app). */
export function compositeId(appId: string, childId: string): string {
  return `${appId}/${childId}`;
}

/** Parses `"<appId>/<childId>"`, with an error that quotes the bad value and shows the expected shape. */
export function parseCompositeId(id: string, kind: string, example: string): { appId: string; childId: string } {
  const [appId, childId, ...rest] = id.split("/");
  if (
    appId === undefined ||
    childId === undefined ||
    rest.length > 0 ||
    !oktaIdPattern.test(appId) ||
    !oktaIdPattern.test(childId)
  ) {
    throw new Error(`invalid ${kind} id "${id}": expected "<appId>/<id>", like "${example}"`);
  }
  return { appId, childId };
}
