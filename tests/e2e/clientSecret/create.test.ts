import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createStack, type E2EStack } from "../harness";
import { secretMutations, secretsOf } from "./oktaHistory";

// ClientSecret created beside the secret Okta made with the app: generated or brought, the two-slot limit caught at
// preview, and destroy leaving the app exactly as it was.
const fixture = path.join(__dirname, "fixture");
const hashOf = (secret: string) => createHash("sha256").update(secret).digest().subarray(0, 16).toString("base64url");

describe("ClientSecret end to end: create beside Okta's own secret", () => {
  let stack: E2EStack | undefined;
  afterEach(async () => {
    await stack?.cleanup();
    stack = undefined;
  });

  it("creates a generated secret, refuses a rotation at preview for want of a slot, and destroys back to the app as it was", async () => {
    const s = await createStack({ program: fixture });
    stack = s;
    const before = secretsOf(s.emulator, s.app.id);
    expect(before).toHaveLength(1);

    await s.up();
    const out = (await s.outputs({ showSecrets: true })) as { secretId: string; clientSecret: string };
    expect(out.clientSecret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(secretsOf(s.emulator, s.app.id)).toHaveLength(2);

    await s.setConfig("rotation", "2");
    s.emulator.clearRequests();
    const preview = await s.preview({ diff: true, expectFailure: true });
    const said = preview.stdout + preview.stderr;
    expect(said).toContain(`app ${s.app.id} already holds 2 client secrets`);
    expect(said).toContain(`${before[0]?.id} ACTIVE`);
    expect(said).toContain("not managed by this stack");
    expect(said).toContain(`adoptSecretId: "${before[0]?.id}"`);
    expect(said).not.toContain(out.clientSecret);
    expect(secretMutations(s.emulator)).toEqual([]);

    await s.setConfig("rotation", "1");
    const destroy = await s.destroy();
    expect(destroy.counts.delete).toBe(2);
    expect(secretsOf(s.emulator, s.app.id)).toEqual(before);
  });

  it("creates a bring-your-own secret: Okta's hash of the given value, kept out of the state", async () => {
    const s = await createStack({ program: fixture });
    stack = s;
    const mine = randomBytes(30).toString("base64url");
    await s.setConfig("byo", mine, { secret: true });
    await s.up();
    const out = (await s.outputs()) as { secretHash: string; clientSecret: string };
    expect(out.secretHash).toBe(hashOf(mine));
    expect(out.clientSecret).toBe("[secret]");
    expect(JSON.stringify(await s.exportState())).not.toContain(mine);

    const short = "too-short";
    await s.setConfig("byo", short, { secret: true });
    const preview = await s.preview({ expectFailure: true });
    expect(preview.stdout + preview.stderr).toMatch(/clientSecret/);
    expect(preview.stdout + preview.stderr).not.toContain(short);
  });

  it("refresh sees a value changed outside Pulumi (a new secret_hash), and the next up replaces the stale secret", async () => {
    const s = await createStack({ program: fixture });
    stack = s;
    const [initial] = secretsOf(s.emulator, s.app.id);
    await s.setConfig("adopt", initial?.id as string);
    await s.up();
    const changed = s.emulator.regenerateSecret(s.app.id, initial?.id as string);
    const refresh = await s.refresh();
    expect(refresh.counts.update).toBe(1);
    const preview = await s.preview({ diff: true });
    expect(preview.counts.replace).toBe(1);
    const run = await s.up();
    expect(run.counts.replace).toBe(1);
    const out = (await s.outputs({ showSecrets: true })) as {
      secretId: string;
      secretHash: string;
      clientSecret: string;
    };
    expect(out.secretId).not.toBe(initial?.id);
    expect(out.secretHash).toBe(hashOf(out.clientSecret));
    expect(secretsOf(s.emulator, s.app.id).map((x) => x.id)).toEqual([out.secretId]);
    expect(changed.id).toBe(initial?.id);
  });
});
