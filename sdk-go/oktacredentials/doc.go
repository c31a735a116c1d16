// Okta OAuth client credentials (client secrets and JSON Web Keys) as Pulumi resources, rotated with zero downtime.
package oktacredentials
