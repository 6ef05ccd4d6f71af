// Define the elements before Angular renders, so it sets bound objects as properties.
import 'sso-callout/define';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { bootstrapApplication } from '@angular/platform-browser';
import { createCallout, setDefaultCallout } from 'sso-callout';
import { calloutInterceptor } from 'sso-callout/angular';
import { msalProvider } from 'sso-callout/msal';
import { AppComponent } from './app.component';
import { config } from './config';

// The page's one client, in code: HttpClient's requests start with the first render, before any
// <callout-credential> in a template could register. The elements use this client too.
setDefaultCallout(
  createCallout({
    providers: {
      aad: msalProvider({
        clientId: config.clientId,
        authority: config.authority,
        loginHint: config.loginHint,
        redirectUri: new URL('redirect.html', document.baseURI).href,
      }),
    },
    credentials: { Orders: { url: config.apiUrl, provider: 'aad', scopes: [config.scopes] } },
  }),
);

bootstrapApplication(AppComponent, {
  providers: [provideHttpClient(withInterceptors([calloutInterceptor]))],
}).catch((error: unknown) => console.error(error));
