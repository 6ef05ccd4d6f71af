/** The app registration and API this example calls: replace them with your tenant's. */
export const config = {
  clientId: '11111111-2222-3333-4444-555555555555',
  authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
  loginHint: 'jane@contoso.com',
  apiUrl: 'https://api.contoso.com/v1/',
  scopes: 'api://orders/Orders.Read',
  /** A second identity provider, any OpenID Connect one (Okta, Auth0 …): none here. */
  partner: undefined as { authority: string; clientId: string } | undefined,
};
