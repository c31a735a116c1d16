import { afterAll } from "vitest";
import { cleanupLiveStacks } from "./stack";

// Every test file: stacks a test did not clean up (it failed, or forgot) are removed when the file ends.
afterAll(cleanupLiveStacks);
