// A Go program on the real engine's Go language host: outputs from a constant, the stack's config, the Go toolchain
// that compiled it, and a secret.
package main

import (
	"runtime"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		ctx.Export("language", pulumi.String("go"))
		ctx.Export("appId", pulumi.String(config.Require(ctx, "appId")))
		ctx.Export("goVersion", pulumi.String(runtime.Version()))
		ctx.Export("hidden", pulumi.ToSecret(pulumi.String("not-a-secret-only-marked-as-one")))
		return nil
	})
}
