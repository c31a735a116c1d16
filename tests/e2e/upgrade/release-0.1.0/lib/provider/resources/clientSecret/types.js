"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.exampleId = void 0;
/** An example id for error messages. */
exports.exampleId = "0oa1b2c3d4e5f6g7h8i9/ocs1b2c3d4e5f6g7h8i9";
