import type { StoryRecord } from "./quickstartStory";

// What Okta holds after each step of the TypeScript quickstart (ids renamed in order of appearance): the reference both
// programs are held to. The first app's secrets, then the scheduled app's.
export const expectedStory: StoryRecord = {
  "1. the app and its own secret": [["s1 ACTIVE"]],
  "3. adopted": [["s1 ACTIVE"]],
  "4. adoptSecretId removed": [["s1 ACTIVE"]],
  "5. rotated": [["s2 ACTIVE"]],
  "6. a second secret": [["s2 ACTIVE", "s3 ACTIVE"]],
  "7. the limit, caught at preview": [["s2 ACTIVE", "s3 ACTIVE"]],
  "8. deactivated in place": [["s2 INACTIVE", "s3 ACTIVE"]],
  "9. rotated delete-first": [["s3 ACTIVE", "s4 ACTIVE"]],
  "10. scheduled, 2026-01-02": [
    ["s3 ACTIVE", "s4 ACTIVE"],
    ["s5 ACTIVE", "s6 ACTIVE"],
  ],
  "10. scheduled, 2026-01-09": [
    ["s3 ACTIVE", "s4 ACTIVE"],
    ["s5 INACTIVE", "s6 ACTIVE"],
  ],
  "10. scheduled, 2026-01-31": [
    ["s3 ACTIVE", "s4 ACTIVE"],
    ["s6 ACTIVE", "s7 ACTIVE"],
  ],
  "10. scheduled, 2026-02-08": [
    ["s3 ACTIVE", "s4 ACTIVE"],
    ["s6 INACTIVE", "s7 ACTIVE"],
  ],
};
