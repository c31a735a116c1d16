import { notFound, validationFailed } from "../errors";
import { oktaId, oktaTimestamp } from "../ids";
import type { AppRecord, RoleRecord } from "./records";
import type { Store } from "./store";

/** Okta's standard admin roles that can be assigned to a client app, with their labels (Okta's roles guide). */
export const STANDARD_ROLES: Readonly<Record<string, string>> = {
  SUPER_ADMIN: "Super Administrator",
  ORG_ADMIN: "Organizational Administrator",
  APP_ADMIN: "Application Administrator",
  READ_ONLY_ADMIN: "Read-only Administrator",
  API_ACCESS_MANAGEMENT_ADMIN: "API Access Management Administrator",
  GROUP_MEMBERSHIP_ADMIN: "Group Membership Administrator",
  HELP_DESK_ADMIN: "Help Desk Administrator",
  REPORT_ADMIN: "Report Administrator",
  USER_ADMIN: "Group Administrator",
  ACCESS_CERTIFICATIONS_ADMIN: "Access Certifications Administrator",
  ACCESS_REQUESTS_ADMIN: "Access Requests Administrator",
  WORKFLOWS_ADMIN: "Workflows Administrator",
};

/** The app whose client id is `clientId`, or Okta's 404 for it. */
export function clientApp(store: Store, clientId: string): AppRecord {
  const app = store.appByClientId(clientId);
  if (!app) throw notFound(clientId, "Client");
  return app;
}

/**
 * `POST /oauth2/v1/clients/{clientId}/roles`: assigns a standard admin role to a client app (an API Services app's
 * "Admin roles" tab). The refusals' cause texts are the emulator's own (Okta's spec gives no 400 example).
 */
export function assignClientRole(store: Store, clientId: string, body: Record<string, unknown>): RoleRecord {
  const app = clientApp(store, clientId);
  const { type } = body;
  if (typeof type !== "string" || !(type in STANDARD_ROLES)) {
    throw validationFailed(
      "type",
      `type: must be a standard role (${Object.keys(STANDARD_ROLES).join(", ")}); custom roles are not emulated`,
    );
  }
  app.roles ??= [];
  const roles = app.roles;
  if (roles.some((r) => r.type === type))
    throw validationFailed("type", `type: the client already has the ${type} role`);
  const now = oktaTimestamp();
  const role: RoleRecord = { id: oktaId("ira"), type, created: now, lastUpdated: now };
  roles.push(role);
  store.changed();
  return role;
}

/** One role assignment of a client app, or Okta's 404. */
export function findClientRole(store: Store, clientId: string, roleId: string): RoleRecord {
  const role = clientApp(store, clientId).roles?.find((r) => r.id === roleId);
  if (!role) throw notFound(roleId, "RoleAssignment");
  return role;
}

/** `DELETE /oauth2/v1/clients/{clientId}/roles/{roleAssignmentId}`. */
export function unassignClientRole(store: Store, clientId: string, roleId: string): void {
  const app = clientApp(store, clientId);
  findClientRole(store, clientId, roleId);
  app.roles = (app.roles ?? []).filter((r) => r.id !== roleId);
  store.changed();
}

// The roles that may read and change apps and their credentials, and read roles (Okta's standard roles: an App Admin
// manages apps; a Read-only Admin reads everything and changes nothing). Assigning roles takes a Super Admin.
const APPS_READ = ["SUPER_ADMIN", "ORG_ADMIN", "APP_ADMIN", "READ_ONLY_ADMIN"];
const APPS_MANAGE = ["SUPER_ADMIN", "ORG_ADMIN", "APP_ADMIN"];
const ROLES_READ = ["SUPER_ADMIN", "ORG_ADMIN", "READ_ONLY_ADMIN"];
const ROLES_MANAGE = ["SUPER_ADMIN"];

/** Whether an app's admin roles allow a Management API call (`write`: anything but GET and HEAD) on `path`. */
export function rolesAllow(app: AppRecord, path: string, write: boolean): boolean {
  const held = new Set((app.roles ?? []).map((r) => r.type));
  const roles = path.startsWith("/oauth2/v1/clients/")
    ? write
      ? ROLES_MANAGE
      : ROLES_READ
    : write
      ? APPS_MANAGE
      : APPS_READ;
  return roles.some((r) => held.has(r));
}
