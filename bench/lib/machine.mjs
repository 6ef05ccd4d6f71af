/** A description of the machine a run was made on: no paths, no host names. */
import { cpus, totalmem } from 'node:os';

/**
 * @param {string | undefined} browserVersion
 * @returns {{ date: string, cores: number, cpu: string, memoryGb: number, node: string, browser: string, platform: string }}
 */
export function describeMachine(browserVersion) {
  const cpu = cpus();
  return {
    date: new Date().toISOString().slice(0, 10),
    cores: cpu.length,
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version,
    browser: browserVersion ? `Chromium ${browserVersion}` : 'not launched',
    platform: `${process.platform} ${process.arch}`,
  };
}

/** @param {ReturnType<typeof describeMachine>} m */
export const machineLine = (m) =>
  `${m.date} · ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB · ${m.browser} headless · Node ${m.node} · ${m.platform}`;
