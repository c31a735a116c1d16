export { createStack } from "./stack";
export type { CreateStackOptions, E2EStack, OpCounts, PulumiResult, StackRun } from "./types";
