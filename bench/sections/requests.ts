import { startOktaEmulator } from "../../emulator/index";
import { type Machine, machineAfter, machineBefore } from "../lib/machine";
import { apiRequests, benchStack, breakdown, clientOf, declare, makeApps, onlySecretOf } from "../lib/okta";
import { progress } from "../lib/stats";

/** Requests one operation made, from the emulator's log, beside Okta's minimum for it. */
export interface OperationCost {
  operation: string;
  requests: number;
  writes: number;
  breakdown: Record<string, number>;
  minimum: number;
  /** Requests above the minimum, each with its reason; `unnamed` ones are a regression. */
  extra: { kind: string; count: number; reason: string }[];
}

export interface RequestsResult {
  machine: Machine;
  operations: OperationCost[];
}

/** Why a request above the minimum is made (the reasons are the design's: see bench/RESULTS.md). */
const reasons: Record<string, string> = {
  list:
    "the preview and the update of `pulumi up` (or `pulumi refresh`) are separate provider processes " +
    "(decision 0002): each lists the app once, and nothing is kept between runs",
  "GET app":
    "the app's token_endpoint_auth_method, for Okta's rules on a new secret (none for private_key_jwt, 32 characters " +
    "for client_secret_jwt), checked at preview by check and again by the update's check; Okta counts it in the " +
    "`/api/v1/apps/{id}` bucket (100 or 600 a minute), not the credentials bucket (20 or 100)",
};

function cost(
  operation: string,
  entries: ReturnType<typeof apiRequests>,
  minimum: Record<string, number>,
): OperationCost {
  const counts = breakdown(entries);
  const extra = Object.entries(counts)
    .map(([kind, n]) => ({ kind, count: n - (minimum[kind] ?? 0) }))
    .filter((e) => e.count > 0)
    .map((e) => ({ ...e, reason: reasons[e.kind] ?? "unnamed" }));
  return {
    operation,
    requests: entries.length,
    writes: entries.filter((e) => e.method !== "GET").length,
    breakdown: counts,
    minimum: Object.values(minimum).reduce((a, b) => a + b, 0),
    extra,
  };
}

/**
 * One ClientSecret through its life on one app, each operation as users run it (`pulumi up` with its preview), and
 * Okta's rotation guide by hand with this package's client on another app.
 */
export async function measureRequests(): Promise<RequestsResult> {
  const machine = machineBefore();
  const emulator = await startOktaEmulator({ rateLimit: "off" });
  const okta = clientOf(emulator);
  const stack = await benchStack("secrets", emulator);
  const operations: OperationCost[] = [];
  try {
    const [appId, guideApp] = (await makeApps(emulator, 2)) as [string, string];
    const step = async (operation: string, minimum: Record<string, number>, action: () => Promise<unknown>) => {
      emulator.clearRequests();
      await action();
      operations.push(cost(operation, apiRequests(emulator), minimum));
      progress(`requests: ${operation}: ${operations.at(-1)?.requests}`);
    };
    const initial = await onlySecretOf(okta, appId);
    const s = { name: "s", appId, rotation: "1" };
    await declare(stack, [{ ...s, adopt: initial }]);
    await step("adopt the app's own secret", { list: 1 }, () => stack.up());
    await step("no-op `up`", {}, () => stack.up());
    await declare(stack, [{ ...s, adopt: initial, rotation: "2" }]);
    await step("rotation", { list: 2, create: 1, deactivate: 1, delete: 1 }, () => stack.up());
    const t = { name: "t", appId, rotation: "1" };
    await declare(stack, [{ ...s, rotation: "2" }, t]);
    await step("create (a generated secret)", { list: 1, create: 1 }, () => stack.up());
    await declare(stack, [
      { ...s, rotation: "2" },
      { ...t, status: "INACTIVE" },
    ]);
    await step("status change", { deactivate: 1 }, () => stack.up());
    await step("refresh (2 secrets on 1 app)", { list: 1 }, () => stack.refresh());
    await step("refresh --skip-preview (2 secrets on 1 app)", { list: 1 }, () => stack.refresh({ skipPreview: true }));
    await declare(stack, [{ ...s, rotation: "2" }]);
    await step("delete an INACTIVE secret (resource removed)", { delete: 1 }, () => stack.up());
    await okta.createClientSecret(appId); // Okta never lets an app lose its last ACTIVE secret: a spare first.
    await step("destroy (an ACTIVE secret)", { deactivate: 1, delete: 1 }, () => stack.destroy());
    await step("Okta's rotation guide by hand", { list: 1, create: 1, deactivate: 1, delete: 1 }, async () => {
      const [old] = await okta.listClientSecrets(guideApp);
      await okta.createClientSecret(guideApp, { before: old ? [old] : [] });
      await okta.deactivateClientSecret(guideApp, old?.id as string);
      await okta.deleteClientSecret(guideApp, old?.id as string);
    });
  } finally {
    await stack.cleanup();
    await emulator.close();
  }
  return { machine: machineAfter(machine), operations };
}
