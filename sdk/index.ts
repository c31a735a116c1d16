export { ClientSecret, type ClientSecretArgs, type ClientSecretStatus } from "./clientSecret";
export {
  type ClientSecretSummary,
  type ListClientSecretsArgs,
  type ListClientSecretsResult,
  listClientSecrets,
  listClientSecretsOutput,
} from "./listClientSecrets";
