import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import type { OktaClient } from "../../okta/oktaClient";
import type { ChangeNote } from "./change";
import type { AppLedger, LedgerItem, Plan } from "./ledger";
import type { ReplacementOrder } from "./replacementOrder";

/** Status of a credential: only ACTIVE ones authenticate. */
export type CredentialStatus = "ACTIVE" | "INACTIVE";

/** The inputs every credential resource has, as its hooks receive them; each kind adds its own. */
export interface CredentialInputs {
  appId: string;
  status?: CredentialStatus;
  rotationTriggers?: Record<string, string>;
  heldRetired?: boolean;
  /**
   * The resource's own URN, added by the sdk: the dynamic-provider plugin gives the hooks none. Internal (`__`): the
   * engine's display leaves it out. State written by earlier versions holds it as `resourceUrn`, read too.
   */
  __resourceUrn?: string;
  resourceUrn?: string;
  /** What this run changes about the credential, for the reviewer (returned by `check`; see `credential/change.ts`). */
  change?: ChangeNote;
  /** Added by the engine; passed through untouched. */
  __provider?: string;
}

/** The outputs every credential resource has, stored in state; each kind adds its own. */
export interface CredentialOutputs {
  appId: string;
  status: CredentialStatus;
  created: string;
  lastUpdated: string;
  rotationTriggers?: Record<string, string>;
  __resourceUrn?: string;
  resourceUrn?: string;
  __provider?: string;
}

/** When a credential's status is changed: the fix a refusal suggests depends on it. */
export type StatusChange = "create" | "update" | "delete";

/** Why an app's list is read, for the context of a failure: to check a new credential, to plan a replacement, … */
export type Listing = "check" | "plan" | "add" | "read";

/** A credential about to be added to Okta: made ready before the app's list is read, then posted once. */
export interface NewCredential<Item, Kept> {
  /** Sends it to Okta (`before`: the app's list just before, for recognising it after an ambiguous failure). */
  post(okta: OktaClient, before: Item[]): Promise<Item>;
  /** What only the state will hold of it (a generated key's private half, a brought secret's value). */
  kept?: Kept;
}

/** What the inputs of an existing resource replace, besides `appId`, `rotationTriggers` and the adopt input. */
export interface OwnReplacements {
  replaces: string[];
  /** A line for the person running Pulumi when the engine's display cannot show why (it compares inputs only). */
  unseen?: string;
  /** The same, short, for the `change` note's `because`. */
  because?: string;
}

/**
 * What differs between two kinds of credential (a client secret, a JSON Web Key): everything else, the seven hooks and
 * the decisions they make, is written once over this. `I`/`O` are the kind's inputs and outputs, `Item` Okta's object,
 * `S` where a new credential comes from (the inputs read), `K` what only the state holds of it, `P` its plans.
 */
export interface CredentialKind<
  I extends CredentialInputs,
  O extends CredentialOutputs,
  Item extends LedgerItem,
  S,
  K,
  P extends Plan,
> {
  /** The resource's name in messages: `ClientSecret`. */
  name: string;
  /** The input that takes over an existing credential (`adoptSecretId`). */
  adoptInput: keyof I & keyof O & string;
  /** The output that holds the credential's Okta id (`secretId`). */
  idOutput: keyof O & string;
  /** The inputs a resource echoes in its outputs (so `diff`, which sees only outputs, can compare them), besides the URN. */
  echoedInputs: readonly (keyof I & keyof O & string)[];
  /** Okta's limit of credentials of this kind per app. */
  maxPerApp: number;
  /** This run's ledger of the app's credentials of this kind. */
  ledger(appId: string): AppLedger<Item, P>;
  /** The app and credential a resource id names (`<appId>/<credential id>`), or an error that quotes the bad id. */
  parseId(id: string): { appId: string; itemId: string };

  /** Validates the inputs without any request and reads where a new credential would come from. */
  readInputs(news: Record<string, unknown>): Promise<{ source: S; failures: CheckFailure[] }>;
  /** The kind's own inputs that force a replacement of the existing resource `olds`. */
  ownReplacements(urn: string, olds: Partial<O>, news: Partial<I>, source: S): Promise<OwnReplacements>;
  /** What a plan records of a new credential before it exists (a brought key's kid and material). */
  newFacts(source: S, status: string): Omit<P, keyof Plan>;
  /** True for a credential that authenticates the app (a key that signs): another such keeps it working. */
  authenticates(item: Item): boolean;
  /**
   * Why Okta would refuse the new credential `urn`'s change adds (`replacing`: the inputs that force its replacement;
   * undefined for a new resource), asked before the app's list: a secret's app rules, a key with no material.
   */
  rulesForNew(
    appId: string,
    urn: string,
    news: Partial<I>,
    source: S,
    replacing: string[] | undefined,
  ): Promise<CheckFailure[]>;
  /** Why the new credential would clash with one of the app's or another of this run's plans (a key's kid). */
  clashes(ledger: AppLedger<Item, P>, found: Item[], plan: P, appId: string, news: Partial<I>): CheckFailure[];
  /** Why the credential an adoption names is not the one the other inputs describe. */
  adoptionMismatch(item: Item, source: S): CheckFailure[];

  /** Okta's object by id (`GET …/{id}`). */
  get(okta: OktaClient, appId: string, itemId: string): Promise<Item>;
  /** True when the list's copy of a credential has everything the outputs need (a secret's value). */
  listedInFull(item: Item): boolean;
  /** Makes the new credential ready (generates a key pair), before the app's list is read. */
  prepare(appId: string, source: S, status: CredentialStatus): Promise<NewCredential<Item, K>>;
  /** Activates or deactivates a credential; a refusal says what to do, as fits `during`. */
  setStatus(
    okta: OktaClient,
    appId: string,
    itemId: string,
    status: CredentialStatus,
    during: StatusChange,
  ): Promise<Item>;
  /** Deletes an INACTIVE credential; false when it was already gone. */
  remove(okta: OktaClient, appId: string, itemId: string): Promise<boolean>;

  /** The kind's outputs (without the echoed inputs) from Okta's object and what only the state holds. */
  outputs(appId: string, item: Item, kept: K | undefined): O;
  /** What only the state holds of the credential, from its outputs. */
  kept(outputs: Partial<O>): K | undefined;
  /** The credential as stored in the outputs, in Okta's shape (for an update that changes nothing at Okta). */
  heldItem(outputs: O): Item;

  /** The kind's messages, each a whole sentence as the user reads it. */
  messages: CredentialMessages<Item, P>;
}

/** Every message of a credential kind that the hooks written once say, each a whole sentence of the kind's own. */
export interface CredentialMessages<Item extends LedgerItem, P extends Plan> {
  /** `ClientSecret "api"`, for messages. */
  label(urn: string): string;
  /** `create` was given inputs `check` would refuse. */
  invalidInputs(reasons: string): string;
  /** The context of a failed list of the app's credentials. */
  listing(appId: string | undefined, why: Listing): string;
  /** The credential the adopt input names is not in the app (`replacing`: a replacement takes it over). */
  noSuchItem(appId: string, itemId: string, replacing: boolean): string;
  /** Another resource of this run claims the credential the resource `urn` would take over. */
  adoptionConflict(urn: string, itemId: string, other: { urn: string; role: "holds" | "retires" | "adopts" }): string;
  /** The resource `adopter` would take over the credential that `urn` holds or retires in this run. */
  heldTakenOver(adopter: string, itemId: string, urn: string, retires: boolean): string;
  /** Two existing resources, `other` and `urn`, keep the same credential (state that holds it twice). */
  heldTwice(other: string, itemId: string, urn: string): string;
  /** How `heldRetired` decided the order of `urn`'s replacement, or why it could not. */
  heldRetired(urn: string, heldId: string, outcome: NonNullable<ReplacementOrder["heldRetired"]>): string;
  /** The changes this run plans on the app cannot fit in Okta's limit. */
  noRoom(appId: string, ledger: AppLedger<Item, P>, found: Item[], adding: P[]): string;
  /** `create` found the app full, though the run planned room: a credential was added outside it meanwhile. */
  fullNow(appId: string, before: Item[]): string;
  /** `create` would adopt a credential that is gone. */
  adoptedGone(appId: string, itemId: string): string;
  /** The context of a failed adoption. */
  adopting(appId: string, itemId: string): string;
  /** The context of a failed delete. */
  deleting(appId: string, itemId: string): string;
  /** `delete` of the resource `urn` leaves Okta alone: its replacement took the same credential over again. */
  takenOverAgain(urn: string, itemId: string): string;
  /** `delete` of the resource `urn` leaves Okta alone: `holder` holds the credential. */
  heldByAnother(urn: string, itemId: string, holder: string): string;
  /** The `change` note of a new credential. */
  createsNote(): string;
  /** The `change` note of taking over `itemId`. */
  adoptsNote(itemId: string): string;
  /** The `change` note of a rotation that makes the new credential before it retires `retiring`. */
  createsFirstNote(retiring: string): string;
  /** The `change` note of a rotation that deletes the INACTIVE `retiring` first. */
  deletesFirstNote(retiring: string): string;
  /** The `change` note of a rotation that takes over `itemId`, then retires `retiring`. */
  adoptsInsteadNote(itemId: string, retiring: string): string;
  /** The `change` note of a status change in place. */
  statusNote(from: string, to: string): string;
  /** The `change` note of a rotation whose order `heldRetired` decided, or could not. */
  heldRetiredNote(retiring: string, outcome: NonNullable<ReplacementOrder["heldRetired"]>): string;
}
