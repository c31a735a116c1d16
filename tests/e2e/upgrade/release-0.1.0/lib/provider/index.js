"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readOktaConfig = exports.oktaClientFromEnvironment = exports.isOktaApiError = exports.providers = void 0;
/**
 * `pulumi-okta-credentials/provider`: the code behind the dynamic resources, loaded by name by the shim that Pulumi
 * serializes into state. The module path, `providers` and its keys and hook names are a frozen public API: state
 * written by any release calls them.
 */
const provider_1 = require("./resources/clientSecret/provider");
/** One provider per resource kind, each with all seven hooks (`configure, check, diff, create, read, update, delete`). */
exports.providers = {
    ClientSecret: provider_1.clientSecretProvider,
};
var errors_1 = require("./okta/errors");
Object.defineProperty(exports, "isOktaApiError", { enumerable: true, get: function () { return errors_1.isOktaApiError; } });
var processClient_1 = require("./okta/processClient");
Object.defineProperty(exports, "oktaClientFromEnvironment", { enumerable: true, get: function () { return processClient_1.oktaClientFromEnvironment; } });
Object.defineProperty(exports, "readOktaConfig", { enumerable: true, get: function () { return processClient_1.readOktaConfig; } });
