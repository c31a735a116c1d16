// Command sdkgen-dotnet generates the okta-credentials .NET SDK from plugin/schema.json with Pulumi's .NET code
// generator, which left pkg/v3 after v3.163.0 (it lives in pulumi-dotnet now, a module this proxy does not serve).
//
//	go run . <schema.json> <out-dir>
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sdkgen-dotnet <schema.json> <out-dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen-dotnet: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, outDir string) error {
	text, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return fmt.Errorf("reading %s: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noPackages{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s does not bind: %v", schemaPath, diags)
	}
	// The generator downloads a package icon (logo.png, the schema's logoUrl or Pulumi's); this machine reaches no
	// such address, so every download it asks for is answered here with a plain icon of our own.
	http.DefaultTransport = iconTransport{}
	files, err := dotnet.GeneratePackage("pulumi-okta-credentials sdkgen", pkg, nil, nil)
	if err != nil {
		return err
	}
	files["README.md"] = []byte(readme)
	if err := os.RemoveAll(outDir); err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(outDir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("sdk-dotnet: %d files\n", len(files))
	return nil
}

const readme = "# okta-credentials: the .NET SDK of the provider plugin\n\n" +
	"Generated from `plugin/schema.json` by `npm run sdk:generate` (Pulumi's own .NET code generator); never edit by\n" +
	"hand. Generated and not built here (no NuGet on this project's machines): a release builds and publishes it.\n" +
	"Okta OAuth client credentials (client secrets and JSON Web Keys) as Pulumi resources, rotated with zero downtime.\n\n" +
	"The SDK needs the `okta-credentials` provider plugin (docs/plugin.md):\n\n" +
	"```sh\n" +
	"pulumi plugin install resource okta-credentials <version> --file pulumi-resource-okta-credentials-v<version>.tar.gz\n" +
	"dotnet add reference /path/to/pulumi-okta-credentials/sdk-dotnet\n```\n\n" +
	"```csharp\nvar secret = new PulumiOktaCredentials.ClientSecret(\"api\", new()\n{\n    AppId = appId,\n" +
	"    RotationTriggers = { { \"rotation\", \"2026-11\" } },\n});\n```\n\n" +
	"A plugin receives only its own config namespace: hand @pulumi/okta's `okta:orgName`, `okta:baseUrl` and\n" +
	"`okta:apiToken` to an explicit `Provider`, or set `OKTA_ORG_NAME` and `OKTA_API_TOKEN` (docs/plugin.md).\n"

// noPackages is the loader of a schema that refers to no other package.
type noPackages struct{}

func (noPackages) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the okta-credentials schema refers to no other package, yet %q was asked for", pkg)
}

func (l noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, nil)
}

// iconTransport answers every request with a 64x64 PNG icon: a square in the project's colour.
type iconTransport struct{}

func (iconTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for x := 0; x < 64; x++ {
		for y := 0; y < 64; y++ {
			img.Set(x, y, color.RGBA{R: 0x00, G: 0x7d, B: 0xc1, A: 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return &http.Response{
		StatusCode: http.StatusOK, Status: "200 OK", Request: r,
		Header: http.Header{"Content-Type": []string{"image/png"}},
		Body:   io.NopCloser(&buf), ContentLength: int64(buf.Len()),
	}, nil
}
