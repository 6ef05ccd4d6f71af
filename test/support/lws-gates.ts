/**
 * Turns on the Lightning Web Security feature gates LWS's own tests use. Import this module
 * **before** `@locker/sandbox` (first import of a test file): the npm package enables no gate by
 * default, so without it most current protections are off — that is the "ungated" mode.
 */
import { LWS_DEFAULT_GATER_FEATURES, registerGaterEnabledFeatures } from '@locker/shared';

registerGaterEnabledFeatures([...LWS_DEFAULT_GATER_FEATURES]);

/** The gates this page runs with, for test names and assertions. */
export const lwsGates: readonly string[] = [...LWS_DEFAULT_GATER_FEATURES];
