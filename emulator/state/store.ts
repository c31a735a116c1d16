import { notFound } from "../errors";
import type { IssuedCredential } from "../types";
import type { AccessTokenRecord, AppRecord, StoreData } from "./records";

/** The one state store every handler reads and changes. Mutators call {@link Store.changed} when done. */
export class Store {
  private apps = new Map<string, AppRecord>();
  private tokens = new Map<string, AccessTokenRecord>();
  private readonly usedAssertionIds = new Map<string, number>();
  /** Every client secret value and access token this store ever held, kept through deletes, revokes and resets. */
  private readonly issued = new Map<string, IssuedCredential["kind"]>();

  constructor(private readonly onChange: (data: StoreData) => void = () => {}) {}

  listApps(): AppRecord[] {
    return [...this.apps.values()];
  }

  /** The app or Okta's 404 for it. */
  app(appId: string): AppRecord {
    const app = this.apps.get(appId);
    if (!app) throw notFound(appId, "AppInstance");
    return app;
  }

  appByClientId(clientId: string): AppRecord | undefined {
    for (const app of this.apps.values()) if (app.clientId === clientId) return app;
    return undefined;
  }

  addApp(app: AppRecord): void {
    this.apps.set(app.id, app);
    this.changed();
  }

  removeApp(appId: string): void {
    const clientId = this.apps.get(appId)?.clientId;
    this.apps.delete(appId);
    for (const [token, record] of this.tokens) if (record.clientId === clientId) this.tokens.delete(token);
    this.changed();
  }

  addToken(record: AccessTokenRecord): void {
    this.tokens.set(record.token, record);
    this.changed();
  }

  /** A live access token, or undefined when unknown or expired. */
  token(value: string, now = Date.now()): AccessTokenRecord | undefined {
    const record = this.tokens.get(value);
    if (!record || record.expiresAt <= now) return undefined;
    return record;
  }

  /** Ends a token's life (`/oauth2/v1/revoke`); a token unknown or expired is already inactive. */
  revokeToken(value: string): void {
    if (this.tokens.delete(value)) this.changed();
  }

  /** Records a client assertion's `jti`; false when it was already used (a replay). */
  rememberAssertion(jti: string, expiresAt: number, now = Date.now()): boolean {
    for (const [id, until] of this.usedAssertionIds) if (until <= now) this.usedAssertionIds.delete(id);
    if (this.usedAssertionIds.has(jti)) return false;
    this.usedAssertionIds.set(jti, expiresAt);
    return true;
  }

  /** Persists (when a data file is set). Call after every mutation. */
  changed(): void {
    this.rememberIssued();
    this.onChange(this.data());
  }

  /** Every client secret value and access token ever held (for leak scans: a deleted secret may still be printed). */
  issuedCredentials(): IssuedCredential[] {
    return [...this.issued].map(([value, kind]) => ({ kind, value }));
  }

  private rememberIssued(): void {
    for (const app of this.apps.values()) for (const s of app.secrets) this.issued.set(s.secret, "client secret");
    for (const token of this.tokens.keys()) this.issued.set(token, "access token");
  }

  data(apiToken?: string): StoreData {
    const data: StoreData = {
      version: 1,
      apps: structuredClone([...this.apps.values()]),
      tokens: structuredClone([...this.tokens.values()]),
    };
    if (apiToken !== undefined) data.apiToken = apiToken;
    return data;
  }

  load(data: StoreData): void {
    this.apps = new Map(structuredClone(data.apps).map((app) => [app.id, { ...app, grants: app.grants ?? [] }]));
    this.tokens = new Map(structuredClone(data.tokens).map((t) => [t.token, t]));
    this.rememberIssued();
  }

  reset(): void {
    this.apps.clear();
    this.tokens.clear();
    this.usedAssertionIds.clear();
    this.changed();
  }
}
