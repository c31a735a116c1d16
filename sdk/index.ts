export { ClientSecret, type ClientSecretArgs, type ClientSecretStatus } from "./clientSecret";
