import {
  HttpErrorResponse,
  type HttpEvent,
  HttpEventType,
  type HttpHandlerFn,
  HttpHeaders,
  type HttpInterceptorFn,
  type HttpRequest,
  HttpResponse,
} from '@angular/common/http';
import { InjectionToken, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  type Callout,
  CalloutError,
  CalloutErrorCode,
  calloutScheme,
  getDefaultCallout,
  isCalloutError,
} from '../../src/index.js';

/**
 * The client {@link calloutInterceptor} sends through. Optional: without a provider it uses the
 * page's default client (`setDefaultCallout`, shared with the elements), read at each request.
 *
 * @example
 * ```ts
 * providers: [{ provide: CALLOUT, useValue: callout }, provideHttpClient(withInterceptors([calloutInterceptor]))]
 * ```
 */
export const CALLOUT = new InjectionToken<Callout>('sso-callout client');

/**
 * Whether `url` goes through the client: a `callout:` reference (even one that will fail, so the
 * failure is a typed `CalloutError`), or an absolute URL the client's strict resolver places inside
 * a registered credential's base URL (same origin, path prefix, no dot-segment look-alikes).
 */
function throughClient(client: Callout, url: string): boolean {
  if (url.slice(0, calloutScheme.length).toLowerCase() === calloutScheme) return true;
  try {
    return client.credentials.resolve(url).credential !== undefined;
  } catch {
    return false;
  }
}

/** Angular's request headers as a `Headers`, with the content type Angular would have sent. */
function headersOf(request: HttpRequest<unknown>): Headers {
  const headers = new Headers();
  for (const name of request.headers.keys()) {
    for (const value of request.headers.getAll(name) ?? []) headers.append(name, value);
  }
  const type = request.detectContentTypeHeader();
  if (type !== null && !headers.has('content-type')) headers.set('content-type', type);
  return headers;
}

/** The response body in the shape `responseType` asks for; JSON as Angular reads it (empty: `null`). */
async function bodyOf(response: Response, type: HttpRequest<unknown>['responseType']): Promise<unknown> {
  if (type === 'blob') return response.blob();
  if (type === 'arraybuffer') return response.arrayBuffer();
  const text = await response.text();
  if (type === 'text') return text;
  return text === '' ? null : (JSON.parse(text) as unknown);
}

/** A `fetch` `Headers` as Angular's. */
function angularHeaders(headers: Headers): HttpHeaders {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return new HttpHeaders(record);
}

/** One request through the client, as the events Angular's backends emit. */
async function send(
  client: Callout,
  request: HttpRequest<unknown>,
  signal: AbortSignal,
): Promise<HttpResponse<unknown>> {
  const body = request.serializeBody();
  const response = await client(request.urlWithParams, {
    method: request.method,
    headers: headersOf(request),
    signal,
    ...(body === null ? {} : { body }),
    ...(request.withCredentials ? { credentials: 'include' as const } : {}),
    ...(request.timeout ? { timeout: request.timeout } : {}),
  });
  const url = response.url || request.urlWithParams;
  const parsed = await bodyOf(response, request.responseType).catch((cause: unknown) => {
    throw new CalloutError({
      code: CalloutErrorCode.parseError,
      status: response.status,
      url,
      message: `The API answered ${response.status} with a body that could not be read as ${request.responseType}: ${request.method} ${url}`,
      hint: "Check the API's answer, or ask for responseType: 'text'.",
      cause,
    });
  });
  return new HttpResponse({
    body: parsed,
    headers: angularHeaders(response.headers),
    status: response.status,
    statusText: response.statusText,
    url,
  });
}

/**
 * The failure as Angular reports one: an `HttpErrorResponse` whose `error` is the `CalloutError`
 * (its `code`, `hint`, and `data`: the body the API answered), with the HTTP status when there was
 * an answer (a body that does not parse keeps its 2xx status, as Angular's own backends do), else 0.
 */
function toErrorResponse(error: unknown, request: HttpRequest<unknown>): HttpErrorResponse {
  const typed = isCalloutError(error)
    ? error
    : new CalloutError({ code: CalloutErrorCode.networkError, message: String(error), cause: error });
  return new HttpErrorResponse({
    error: typed,
    status: typed.status ?? 0,
    statusText: typed.code,
    url: typed.url ?? request.urlWithParams,
  });
}

/**
 * A functional `HttpInterceptor` that lets an Angular app keep `HttpClient` for its API calls:
 * requests to `callout:Name/path` — and to absolute URLs inside a registered credential's base
 * URL — go through the sso-callout client (token attached, refreshed and retried once on 401,
 * claims challenges answered, redirects out of the base refused); every other request passes to
 * the next handler untouched, with no token. Matching uses the client's strict resolver, never a
 * prefix or pattern of its own.
 *
 * Behaviour: the client is `CALLOUT` if provided, else the page's default client. Method, headers,
 * params, the body (serialized as Angular would), `withCredentials`, `timeout` and `responseType`
 * are honoured; an `Authorization` header the app set is replaced for credential URLs. The
 * observable emits `Sent`, then the `HttpResponse`; a failure is an `HttpErrorResponse` whose
 * `error` is the `CalloutError`. Unsubscribing aborts the request (the client fires `abort`, not
 * `error`). No upload or download progress events.
 *
 * @example
 * ```ts
 * bootstrapApplication(App, { providers: [provideHttpClient(withInterceptors([calloutInterceptor]))] });
 * // in a component or service:
 * http.get<Order[]>('callout:Orders/orders?status=open').subscribe(…);
 * ```
 */
export const calloutInterceptor: HttpInterceptorFn = (
  request: HttpRequest<unknown>,
  next: HttpHandlerFn,
): Observable<HttpEvent<unknown>> => {
  const client = inject(CALLOUT, { optional: true }) ?? getDefaultCallout();
  if (!throughClient(client, request.urlWithParams)) return next(request);
  return new Observable<HttpEvent<unknown>>((subscriber) => {
    const controller = new AbortController();
    subscriber.next({ type: HttpEventType.Sent });
    send(client, request, controller.signal).then(
      (response) => {
        subscriber.next(response);
        subscriber.complete();
      },
      (error: unknown) => {
        if (!controller.signal.aborted) subscriber.error(toErrorResponse(error, request));
      },
    );
    return () => controller.abort();
  });
};
