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
exports.ClientSecret = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const providerShim_1 = require("./providerShim");
/**
 * One client secret of an Okta OIDC app, as a Pulumi resource.
 *
 * Rotation is a replacement: change `rotationTriggers` and `pulumi up` creates the new secret, then deactivates and
 * deletes the old one, so the app always has an ACTIVE secret. Okta allows two secrets per app, so the resource checks
 * the app's free slots at preview and explains the fix when there is none.
 *
 * @example
 * ```ts
 * const secret = new ClientSecret("api", { appId: app.id, rotationTriggers: { rotation: "2026-11" } });
 * export const clientSecret = secret.clientSecret; // a Pulumi secret
 * ```
 */
class ClientSecret extends pulumi.dynamic.Resource {
    constructor(name, args, opts) {
        const props = {
            appId: args.appId,
            clientSecret: args.clientSecret === undefined ? undefined : pulumi.secret(args.clientSecret),
            status: args.status,
            rotationTriggers: args.rotationTriggers,
            adoptSecretId: args.adoptSecretId,
            secretId: undefined,
            secretHash: undefined,
            created: undefined,
            lastUpdated: undefined,
        };
        const secretOutputs = [...(opts?.additionalSecretOutputs ?? []), "clientSecret"];
        super(providerShim_1.clientSecretProvider, name, props, { ...opts, additionalSecretOutputs: secretOutputs }, "okta", "ClientSecret");
    }
}
exports.ClientSecret = ClientSecret;
