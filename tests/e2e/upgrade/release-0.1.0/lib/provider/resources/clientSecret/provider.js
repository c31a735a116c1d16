"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.clientSecretProvider = void 0;
const processClient_1 = require("../../okta/processClient");
const check_1 = require("./check");
const create_1 = require("./create");
const diff_1 = require("./diff");
const lifecycle_1 = require("./lifecycle");
/** The seven hooks of the `ClientSecret` dynamic resource. */
exports.clientSecretProvider = {
    configure: async (req) => (0, processClient_1.configureOkta)(req),
    check: (olds, news) => (0, check_1.checkClientSecret)(olds, news),
    diff: (id, olds, news) => (0, diff_1.diffClientSecret)(id, olds, news),
    create: (inputs) => (0, create_1.createClientSecret)(inputs),
    read: (id, props) => (0, lifecycle_1.readClientSecret)(id, props),
    update: (id, olds, news) => (0, lifecycle_1.updateClientSecret)(id, olds, news),
    delete: (id, props) => (0, lifecycle_1.deleteClientSecret)(id, props),
};
