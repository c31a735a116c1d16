"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.listClientSecrets = listClientSecrets;
exports.listClientSecretsOutput = listClientSecretsOutput;
const pulumi = __importStar(require("@pulumi/pulumi"));
const provider_1 = require("../provider");
/**
 * Lists the client secrets an app holds now, managed by Pulumi or not, without their values. Uses the same `okta:*`
 * stack config as the resources (then the `OKTA_*` environment variables).
 *
 * @example
 * ```ts
 * const held = await listClientSecrets({ appId: "0oa1b2c3d4e5f6g7h8i9" });
 * pulumi.log.info(`${held.secrets.length} of 2 slots used`);
 * ```
 */
async function listClientSecrets(args) {
    // runtime.getConfig reads the decrypted value without Config.get's warning about secrets; it is never logged.
    const okta = (0, provider_1.oktaClientFromEnvironment)((0, provider_1.readOktaConfig)((key) => pulumi.runtime.getConfig(key)));
    try {
        const secrets = await okta.listClientSecrets(args.appId);
        return {
            appId: args.appId,
            secrets: secrets.map((s) => ({
                secretId: s.id,
                status: s.status,
                secretHash: s.secret_hash ?? "",
                created: s.created,
                lastUpdated: s.lastUpdated,
            })),
        };
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`listing the client secrets of app ${args.appId}: ${reason}`);
    }
}
/** {@link listClientSecrets} for an app id that is an Output (e.g. an app created in the same program). */
function listClientSecretsOutput(args) {
    return pulumi.output(args.appId).apply((appId) => listClientSecrets({ appId }));
}
