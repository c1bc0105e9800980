// How one may sign in here, from the gateway's config.json: a token (the development link, or pasted) only where the
// gateway says so — by default only while no OpenID Connect provider is set.

/** Whether a token from a link or a paste is taken. */
export function acceptsTokens(config) {
  return config?.tokenSignIn ?? !config?.oidc;
}
