"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listClientSecretsOutput = exports.listClientSecrets = exports.ClientSecret = void 0;
var clientSecret_1 = require("./clientSecret");
Object.defineProperty(exports, "ClientSecret", { enumerable: true, get: function () { return clientSecret_1.ClientSecret; } });
var listClientSecrets_1 = require("./listClientSecrets");
Object.defineProperty(exports, "listClientSecrets", { enumerable: true, get: function () { return listClientSecrets_1.listClientSecrets; } });
Object.defineProperty(exports, "listClientSecretsOutput", { enumerable: true, get: function () { return listClientSecrets_1.listClientSecretsOutput; } });
