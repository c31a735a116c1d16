// The quickstart (examples/quickstart/index.ts) in Go, on the okta-credentials provider plugin. Everything comes from
// stack config, so each step of the story is one `pulumi config set`:
//
//	appId          the OIDC app (0oa…)
//	adopt          take over this existing secret (ocs…), e.g. the one Okta made with the app; remove it afterwards
//	rotation       any new value rotates app-secret: the new secret first, then the old one retired
//	status         ACTIVE (default) or INACTIVE: app-secret in or out of service, changed in place
//	partner        "true": a second secret on the app, for a second client
//	rotatingAppId  another app: its secrets on a schedule (RotatingClientSecret), every 30 days, 7 days' overlap
//	keyAppId       a private_key_jwt app: a generated JSON Web Key (ClientJsonWebKey) for its client
package main

import (
	okta "github.com/pulumi-okta-credentials/pulumi-okta-credentials/sdk-go/oktacredentials"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		// A provider plugin sees only its own config namespace: the explicit provider is handed @pulumi/okta's own
		// keys, so one stack config serves both providers and no secret is copied (docs/plugin.md).
		provider, err := okta.NewProvider(ctx, "okta", providerArgs(ctx))
		if err != nil {
			return err
		}
		status := cfg.Get("status")
		if status == "" {
			status = "ACTIVE"
		}
		rotation := cfg.Get("rotation")
		if rotation == "" {
			rotation = "initial"
		}
		args := &okta.ClientSecretArgs{
			AppId:            pulumi.String(cfg.Require("appId")),
			RotationTriggers: pulumi.StringMap{"rotation": pulumi.String(rotation)},
			Status:           pulumi.String(status),
		}
		if adopt := cfg.Get("adopt"); adopt != "" {
			args.AdoptSecretId = pulumi.String(adopt)
		}
		secret, err := okta.NewClientSecret(ctx, "app-secret", args, pulumi.Provider(provider))
		if err != nil {
			return err
		}
		ctx.Export("secretId", secret.SecretId)
		ctx.Export("secretHash", secret.SecretHash)
		ctx.Export("status", secret.Status)
		ctx.Export("clientSecret", secret.ClientSecret) // a Pulumi secret

		if cfg.GetBool("partner") {
			partner := &okta.ClientSecretArgs{AppId: pulumi.String(cfg.Require("appId"))}
			if _, err := okta.NewClientSecret(ctx, "partner-secret", partner, pulumi.Provider(provider)); err != nil {
				return err
			}
		}

		if rotating := cfg.Get("rotatingAppId"); rotating != "" {
			scheduled, err := okta.NewRotatingClientSecret(ctx, "scheduled", &okta.RotatingClientSecretArgs{
				AppId:         pulumi.String(rotating),
				RotateEvery:   "30d",
				RetireAfter:   "7d",
				Anchor:        pulumi.StringRef("2026-01-01"),
				AdoptExisting: pulumi.BoolRef(true),
				Verify:        pulumi.BoolRef(true),
			}, pulumi.Providers(provider))
			if err != nil {
				return err
			}
			// A Go output is secret as a whole: `current` holds the secret's value, so its id is unmasked to be shown.
			currentID := pulumi.Unsecret(scheduled.Current.SecretId())
			ctx.Export("schedule", pulumi.Sprintf("generation %d, current %s, previous retires %s",
				scheduled.Generation, currentID, scheduled.PreviousRetiresAt))
		} else {
			ctx.Export("schedule", pulumi.String("none (set rotatingAppId)"))
		}

		if keyApp := cfg.Get("keyAppId"); keyApp != "" {
			key, err := okta.NewClientJsonWebKey(ctx, "signing-key", &okta.ClientJsonWebKeyArgs{
				AppId:    pulumi.String(keyApp),
				Generate: &okta.GenerateKeyPairArgs{Algorithm: pulumi.String("RS256")},
			}, pulumi.Provider(provider))
			if err != nil {
				return err
			}
			ctx.Export("kid", key.Kid)
			ctx.Export("privateKeyPem", key.PrivateKeyPem) // a Pulumi secret
		}
		return nil
	})
}

// providerArgs passes @pulumi/okta's stack config (okta:orgName, okta:baseUrl, okta:apiToken) to the provider, and
// this package's own okta-credentials:orgUrl for a custom domain or the emulator.
func providerArgs(ctx *pulumi.Context) *okta.ProviderArgs {
	oktaCfg := config.New(ctx, "okta")
	args := &okta.ProviderArgs{}
	if orgURL := config.New(ctx, "okta-credentials").Get("orgUrl"); orgURL != "" {
		args.OrgUrl = pulumi.String(orgURL)
	}
	if orgName := oktaCfg.Get("orgName"); orgName != "" {
		args.OrgName = pulumi.String(orgName)
	}
	if baseURL := oktaCfg.Get("baseUrl"); baseURL != "" {
		args.BaseUrl = pulumi.String(baseURL)
	}
	if token, err := oktaCfg.TrySecret("apiToken"); err == nil {
		args.ApiToken = token
	}
	return args
}
