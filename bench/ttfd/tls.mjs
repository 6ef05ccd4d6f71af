/**
 * A throw-away self-signed certificate for the time-to-first-data servers, made at run time with
 * node:crypto (an ECDSA P-256 key and a minimal X.509 v3 certificate naming every host in its
 * subjectAltName), so no key is ever committed and no tool beyond Node is needed. Chromium is told
 * to accept it (the bench's browser context ignores certificate errors); nothing else trusts it.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/** A DER element: tag byte and contents. */
const der = (/** @type {number} */ tag, /** @type {Buffer[]} */ ...parts) => {
  const body = Buffer.concat(parts);
  const length = body.length;
  let header;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else if (length < 0x100) header = Buffer.from([tag, 0x81, length]);
  else header = Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
  return Buffer.concat([header, body]);
};
const sequence = (/** @type {Buffer[]} */ ...parts) => der(0x30, ...parts);
const set = (/** @type {Buffer[]} */ ...parts) => der(0x31, ...parts);

/** @param {string} dotted */
function oid(dotted) {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const value of rest) {
    const chunk = [value & 0x7f];
    for (let v = value >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

/** @param {Date} date */
const utcTime = (date) =>
  der(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`, 'ascii'));

/** @param {string} commonName */
const name = (commonName) =>
  sequence(set(sequence(oid('2.5.4.3'), der(0x0c, Buffer.from(commonName, 'utf8')))));

/**
 * Creates a key and a self-signed certificate valid for `hosts` (DNS names) for one day.
 * @param {string[]} hosts
 * @returns {{ key: string, cert: string }} PEM strings for `tls.createServer`
 */
export function selfSignedCertificate(hosts) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
  const serial = randomBytes(8);
  serial[0] = (serial[0] ?? 0) & 0x7f; // positive INTEGER
  const now = Date.now();
  const subjectAltName = sequence(
    oid('2.5.29.17'),
    der(0x04, sequence(...hosts.map((host) => der(0x82, Buffer.from(host, 'ascii'))))),
  );
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))), // version v3
    der(0x02, serial),
    ecdsaWithSha256,
    name('sso-callout bench'),
    sequence(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + 86_400_000))),
    name(hosts[0] ?? 'localhost'),
    publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, sequence(subjectAltName)),
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const certificate = sequence(tbs, ecdsaWithSha256, der(0x03, Buffer.from([0]), signature));
  const lines = certificate.toString('base64').match(/.{1,64}/g) ?? [];
  return {
    key: String(privateKey.export({ type: 'pkcs8', format: 'pem' })),
    cert: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`,
  };
}
