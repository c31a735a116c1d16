package main

import "strings"

// readme is each SDK's README.md: what it is, how to install the plugin and the SDK, and a first program.
func readme(language string) string {
	install := map[string]string{
		"nodejs": "npm install /path/to/pulumi-okta-credentials/sdk-nodejs   # or the published package\n" +
			"```\n\nTypeScript and JavaScript programs can use the `pulumi-okta-credentials` npm package instead, a dynamic\n" +
			"provider that needs no plugin (the repository's README). This SDK is for programs that prefer the plugin.\n\n```ts\n" +
			"import * as okta from \"@pulumi-okta-credentials/plugin-sdk\";\n" +
			"const secret = new okta.ClientSecret(\"api\", { appId, rotationTriggers: { rotation: \"2026-11\" } });\n" +
			"export const clientSecret = secret.clientSecret; // a Pulumi secret",
		"python": "pip install /path/to/pulumi-okta-credentials/sdk-python   # or the published package\n```\n\n```python\n" +
			"import pulumi_okta_credentials as okta\n" +
			"secret = okta.ClientSecret(\"api\", app_id=app_id, rotation_triggers={\"rotation\": \"2026-11\"})\n" +
			"pulumi.export(\"clientSecret\", secret.client_secret)  # a Pulumi secret",
		"go": "go get github.com/pulumi-okta-credentials/pulumi-okta-credentials/sdk-go\n```\n\n```go\n" +
			"import okta \"github.com/pulumi-okta-credentials/pulumi-okta-credentials/sdk-go/oktacredentials\"\n\n" +
			"secret, err := okta.NewClientSecret(ctx, \"api\", &okta.ClientSecretArgs{\n" +
			"\tAppId:            pulumi.String(appID),\n" +
			"\tRotationTriggers: pulumi.StringMap{\"rotation\": pulumi.String(\"2026-11\")},\n" +
			"})\nctx.Export(\"clientSecret\", secret.ClientSecret) // a Pulumi secret",
	}[language]
	return strings.Join([]string{
		"# okta-credentials: the " + language + " SDK of the provider plugin",
		"",
		"Generated from `plugin/schema.json` by `npm run sdk:generate` (Pulumi's own code generators); never edit by hand.",
		"Okta OAuth client credentials (client secrets and JSON Web Keys) as Pulumi resources, rotated with zero downtime:",
		"`ClientSecret`, `ClientJsonWebKey`, `RotatingClientSecret`, `RotatingClientJsonWebKey`, the two verification",
		"resources, and the functions `listClientSecrets`, `listClientJsonWebKeys`, `signClientAssertion`,",
		"`requestClientCredentialsToken`. Resources and their arguments are described in the repository's docs/.",
		"",
		"The SDK needs the `okta-credentials` provider plugin (docs/plugin.md):",
		"",
		"```sh",
		"npm run plugin:build   # in a checkout: plugin/dist/pulumi-resource-okta-credentials-v<version>.tar.gz",
		"pulumi plugin install resource okta-credentials <version> --file plugin/dist/pulumi-resource-okta-credentials-v<version>.tar.gz",
		install,
		"```",
		"",
		"A plugin receives only its own config namespace: hand @pulumi/okta's `okta:orgName`, `okta:baseUrl` and",
		"`okta:apiToken` to an explicit `Provider`, or set `OKTA_ORG_NAME` and `OKTA_API_TOKEN` (docs/plugin.md).",
		"",
	}, "\n")
}

// goMod is the Go SDK's module file: the module its import paths name, on the Pulumi Go SDK.
const goMod = `module github.com/pulumi-okta-credentials/pulumi-okta-credentials/sdk-go

go 1.24

require github.com/pulumi/pulumi/sdk/v3 v3.274.1
`
