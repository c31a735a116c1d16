/** The value of an input Pulumi does not know yet (at preview). Never validate it or send it to Okta. */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when `value` is the preview placeholder for an unknown input. */
export function isUnknown(value: unknown): boolean {
  return value === unknownValue;
}

/** True when the value, or a member of it, is unknown at preview. */
export function hasUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  return typeof value === "object" && value !== null && Object.values(value).some((v) => isUnknown(v));
}
