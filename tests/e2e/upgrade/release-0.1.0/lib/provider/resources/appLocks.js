"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withAppLock = withAppLock;
// Okta's slot rules are per app (two secrets; the only ACTIVE one cannot be deactivated), and Pulumi runs resource
// operations in parallel in one provider process. Chaining operations per app keeps "look at the slots, then POST"
// atomic with respect to this process, so parallel resources never race for the same slot.
const tails = new Map();
/** Runs `work` after every earlier piece of work on the same app has finished (successfully or not). */
async function withAppLock(appId, work) {
    const previous = tails.get(appId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(appId, tail);
    try {
        return await run;
    }
    finally {
        if (tails.get(appId) === tail)
            tails.delete(appId);
    }
}
