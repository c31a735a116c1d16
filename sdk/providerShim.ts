import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider object handed to `pulumi.dynamic.Resource` for `ClientSecret`, and so serialized into every such
 * resource's `__provider`.
 *
 * Pulumi runs that serialized text later (refresh, delete) with whatever version of this package is installed then,
 * so it is a small constant that loads the real provider by package name at run time: no code of ours, no
 * credential and no client is captured. The text is a frozen public API (docs/decisions/0001-serialized-provider-shim.md):
 * the module path `pulumi-okta-credentials/provider`, the export `providers.ClientSecret` and the seven hook names never
 * change. This file stays plain code that Node compiles and loads itself; the serialized text is asserted by a test.
 */
export const clientSecretProvider: pulumi.dynamic.ResourceProvider = (() => {
  // biome-ignore lint/suspicious/noExplicitAny: the real provider is loaded by name, in the provider process.
  const p = (): any => require("pulumi-okta-credentials/provider").providers.ClientSecret;
  return {
    configure: (r) => p().configure(r),
    check: (o, n) => p().check(o, n),
    diff: (i, o, n) => p().diff(i, o, n),
    create: (n) => p().create(n),
    read: (i, o) => p().read(i, o),
    update: (i, o, n) => p().update(i, o, n),
    delete: (i, o) => p().delete(i, o),
  };
})();

/**
 * The provider object handed to `pulumi.dynamic.Resource` for `ClientJsonWebKey`: the same form as
 * {@link clientSecretProvider}, forwarding to `providers.ClientJsonWebKey`, and as frozen (its own golden text). It is
 * written out rather than made by a shared function on purpose: a shared function would be captured into both texts,
 * and the `ClientSecret` text already in users' states must not change.
 */
export const clientJsonWebKeyProvider: pulumi.dynamic.ResourceProvider = (() => {
  // biome-ignore lint/suspicious/noExplicitAny: the real provider is loaded by name, in the provider process.
  const p = (): any => require("pulumi-okta-credentials/provider").providers.ClientJsonWebKey;
  return {
    configure: (r) => p().configure(r),
    check: (o, n) => p().check(o, n),
    diff: (i, o, n) => p().diff(i, o, n),
    create: (n) => p().create(n),
    read: (i, o) => p().read(i, o),
    update: (i, o, n) => p().update(i, o, n),
    delete: (i, o) => p().delete(i, o),
  };
})();

/**
 * The provider object of `ClientSecretVerification` (a child of `RotatingClientSecret` with `verify: true`): the same
 * form as {@link clientSecretProvider}, forwarding to `providers.ClientSecretVerification`, and as frozen (its own
 * golden text).
 */
export const clientSecretVerificationProvider: pulumi.dynamic.ResourceProvider = (() => {
  // biome-ignore lint/suspicious/noExplicitAny: the real provider is loaded by name, in the provider process.
  const p = (): any => require("pulumi-okta-credentials/provider").providers.ClientSecretVerification;
  return {
    configure: (r) => p().configure(r),
    check: (o, n) => p().check(o, n),
    diff: (i, o, n) => p().diff(i, o, n),
    create: (n) => p().create(n),
    read: (i, o) => p().read(i, o),
    update: (i, o, n) => p().update(i, o, n),
    delete: (i, o) => p().delete(i, o),
  };
})();

/**
 * The provider object of `ClientJsonWebKeyVerification` (a child of `RotatingClientJsonWebKey` with `verify: true`):
 * the same form as {@link clientSecretProvider}, forwarding to `providers.ClientJsonWebKeyVerification`, and as frozen
 * (its own golden text).
 */
export const clientJsonWebKeyVerificationProvider: pulumi.dynamic.ResourceProvider = (() => {
  // biome-ignore lint/suspicious/noExplicitAny: the real provider is loaded by name, in the provider process.
  const p = (): any => require("pulumi-okta-credentials/provider").providers.ClientJsonWebKeyVerification;
  return {
    configure: (r) => p().configure(r),
    check: (o, n) => p().check(o, n),
    diff: (i, o, n) => p().diff(i, o, n),
    create: (n) => p().create(n),
    read: (i, o) => p().read(i, o),
    update: (i, o, n) => p().update(i, o, n),
    delete: (i, o) => p().delete(i, o),
  };
})();
