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
    expect(said).toContain(`app ${s.app.id} held 2 client secrets when this run looked`);
    expect(said).toContain(`${before[0]?.id} ACTIVE`);
    expect(said).toContain("not held by any ClientSecret this run has seen");
    expect(said).toContain("free a slot first: if a secret is not needed, retire it");
    expect(said).toContain(`${before[0]?.id} is held by no ClientSecret this run has seen so far`);
    expect(said).toContain('rotate ClientSecret "managed" in two runs');
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

  it("refresh takes in a generated secret's value changed outside Pulumi: the outputs hand out the live one", async () => {
    const s = await createStack({ program: fixture });
    stack = s;
    const [initial] = secretsOf(s.emulator, s.app.id);
    await s.setConfig("adopt", initial?.id as string);
    await s.up();
    const changed = s.emulator.regenerateSecret(s.app.id, initial?.id as string);
    await s.refresh();
    // The stored outputs now hold Okta's live value and hash, so no change is left for the next up.
    const { deployment } = await s.exportState();
    const stored = deployment.resources.find((r: { type: string }) => r.type.endsWith(":ClientSecret"));
    expect(stored.outputs.secretHash).toBe(changed.secret_hash);
    expect((await s.preview()).counts).toMatchObject({ replace: 0, update: 0 });
    const run = await s.up();
    expect(run.counts).toMatchObject({ replace: 0, update: 0, same: 2 });
    const out = (await s.outputs({ showSecrets: true })) as { secretId: string; clientSecret: string };
    expect(out).toMatchObject({ secretId: initial?.id, clientSecret: changed.client_secret });
  });

  it("a bring-your-own secret changed outside Pulumi is replaced by the next up, which says why", async () => {
    const s = await createStack({ program: fixture });
    stack = s;
    const mine = randomBytes(30).toString("base64url");
    await s.setConfig("byo", mine, { secret: true });
    await s.up();
    const { secretId } = (await s.outputs()) as { secretId: string };
    // Room for the replacement's new secret: retire the app's own secret, as Okta's guide does.
    const initial = secretsOf(s.emulator, s.app.id).find((x) => x.id !== secretId)?.id;
    const base = `${s.emulator.url}/api/v1/apps/${s.app.id}/credentials/secrets/${initial}`;
    const auth = { Authorization: `SSWS ${s.emulator.apiToken}` };
    await fetch(`${base}/lifecycle/deactivate`, { method: "POST", headers: auth });
    await fetch(base, { method: "DELETE", headers: auth });
    s.emulator.regenerateSecret(s.app.id, secretId);
    await s.refresh();
    const preview = await s.preview({ diff: true });
    expect(preview.counts.replace).toBe(1);
    // The engine's display shows no changed input here (`--diff` prints diagnostics on stderr).
    expect(preview.stdout + preview.stderr).toContain(
      `warning: ClientSecret "managed" is replaced: the program's clientSecret is not the value Okta holds for ${secretId}`,
    );
    expect((await s.up()).counts.replace).toBe(1);
    const out = (await s.outputs()) as { secretHash: string };
    expect(out.secretHash).toBe(hashOf(mine));
    expect(JSON.stringify(await s.exportState())).not.toContain(mine);
  });
});
