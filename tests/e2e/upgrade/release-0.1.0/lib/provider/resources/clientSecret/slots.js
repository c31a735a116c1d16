"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rememberManaged = rememberManaged;
exports.forgetManaged = forgetManaged;
exports.slotProblem = slotProblem;
/** Okta's limit of client secrets per app. */
const maxSecretsPerApp = 2;
// Best effort: the secret ids this provider process has seen in state (olds, outputs, reads). A process serves one
// stack's run, so these are the secrets this stack manages.
const managed = new Set();
/** Records a secret id as managed by this stack. */
function rememberManaged(secretId) {
    if (typeof secretId === "string" && secretId !== "")
        managed.add(secretId);
}
/** Forgets a deleted secret. */
function forgetManaged(secretId) {
    managed.delete(secretId);
}
/**
 * Explains why a new secret cannot be created on an app whose slots are all taken, or undefined when one is free.
 * `replacing` is the secret of the resource being replaced: it is retired only after the new one exists.
 */
function slotProblem(appId, secrets, replacing) {
    if (secrets.length < maxSecretsPerApp)
        return undefined;
    const lines = secrets.map((s) => {
        const role = s.id === replacing
            ? "held by this resource; retired only after its replacement exists"
            : managed.has(s.id)
                ? "managed by this stack"
                : "not managed by this stack";
        return `  - ${s.id} ${s.status}, created ${s.created} (${role})`;
    });
    const others = secrets.filter((s) => s.id !== replacing && !managed.has(s.id));
    const other = others[0]?.id;
    const action = replacing ? "replace this ClientSecret (create before delete)" : "create a client secret";
    const fix = replacing
        ? "deactivate and delete a secret that is not needed first (Admin Console or API)" +
            (other
                ? `, or adopt it in a ClientSecret of its own (\`adoptSecretId: "${other}"\`) and then remove that resource`
                : "") +
            "."
        : (other ? `adopt an existing secret instead of creating one (\`adoptSecretId: "${other}"\`), or ` : "") +
            "deactivate and delete a secret that is not needed first (Admin Console or API).";
    return `cannot ${action}: app ${appId} already holds ${secrets.length} client secrets, Okta's maximum:\n${lines.join("\n")}\nFix: ${fix}`;
}
