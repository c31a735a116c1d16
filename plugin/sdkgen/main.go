// Command sdkgen generates the okta-credentials SDKs from plugin/schema.json with Pulumi's own code generators
// (pkg/v3/codegen), as bridged providers do: `pulumi package gen-sdk` needs language hosts that this engine's lack.
//
//	go run . <schema.json> <out-dir> [language...]   (languages: nodejs python go; default all)
//
// Each SDK is written to <out-dir>/sdk-<language>/, replacing what was there.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"

	"github.com/blang/semver"
)

const tool = "pulumi-okta-credentials sdkgen"

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: sdkgen <schema.json> <out-dir> [nodejs|python|go ...]")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3:]); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, outDir string, languages []string) error {
	if len(languages) == 0 {
		languages = []string{"nodejs", "python", "go"}
	}
	text, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return fmt.Errorf("reading %s: %w", schemaPath, err)
	}
	// BindSpec validates the schema against Pulumi's metaschema and binds every reference: a bad schema stops here.
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		for _, d := range diags {
			fmt.Fprintf(os.Stderr, "%s: %s %s\n", schemaPath, d.Summary, d.Detail)
		}
		return fmt.Errorf("%s does not bind (%d problems)", schemaPath, len(diags))
	}
	for _, language := range languages {
		files, err := generate(language, pkg)
		if err != nil {
			return fmt.Errorf("generating the %s SDK: %w", language, err)
		}
		dir := filepath.Join(outDir, "sdk-"+language)
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		for name, content := range files {
			path := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(path, content, 0o644); err != nil {
				return err
			}
		}
		fmt.Printf("sdk-%s: %d files\n", language, len(files)+1)
	}
	return nil
}

func generate(language string, pkg *schema.Package) (map[string][]byte, error) {
	switch language {
	case "nodejs":
		files, err := nodejs.GeneratePackage(tool, pkg, nil, nil, false, noPackages{})
		return withReadme(files, "README.md", language), err
	case "python":
		files, err := python.GeneratePackage(tool, pkg, nil, noPackages{})
		return withReadme(files, "README.md", language), err
	case "go":
		files, err := gogen.GeneratePackage(tool, pkg, nil)
		if err != nil {
			return nil, err
		}
		// The generator writes the package under its import path's last element; the module's go.mod is ours.
		files["go.mod"] = []byte(goMod)
		return withReadme(files, "README.md", language), nil
	default:
		return nil, fmt.Errorf("unknown language %q (nodejs, python, go)", strings.TrimSpace(language))
	}
}

// noPackages is the loader of a schema that refers to no other package: every lookup is an error.
type noPackages struct{}

func (noPackages) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the okta-credentials schema refers to no other package, yet %q was asked for", pkg)
}

func (l noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, nil)
}

func (l noPackages) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the okta-credentials schema refers to no other package, yet %q was asked for", pkg)
}

func (l noPackages) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, nil)
}

func withReadme(files map[string][]byte, name, language string) map[string][]byte {
	if files != nil {
		files[name] = []byte(readme(language))
	}
	return files
}
