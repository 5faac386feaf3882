// Where a webhook may be sent (docs/decisions/064): a live portal (NODE_ENV=production) never calls an address in a
// private, loopback or link-local network (server-side request forgery: the database, the cloud's metadata service,
// the router). The host is checked when an endpoint is registered AND at every delivery, on the addresses DNS answers
// then; the delivery connects to the very address that was checked (the lookup below is the connection's own), so
// a name that resolves to a public address at the check and a private one a moment later (DNS rebinding) gains
// nothing. Outside production every address is allowed, so tests can use a receiver on loopback.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isNonPublicAddress } from '../../core/domain/webhooks.ts';

export class AddressRefused extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, a private, loopback or link-local address: refused`);
  }
}

/** Resolves `host` (every address) and throws AddressRefused when any is not public. */
export async function checkPublicHost(host: string): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    if (isNonPublicAddress(bare)) throw new AddressRefused(host, bare);
    return [bare];
  }
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) => dnsLookup(bare, { all: true }, (error, list) => (error ? reject(error) : resolve(list))));
  const bad = addresses.find((a) => isNonPublicAddress(a.address));
  if (bad) throw new AddressRefused(host, bad.address);
  return addresses.map((a) => a.address);
}

/**
 * A lookup for http(s).request that refuses non-public answers: the connection uses the address checked here.
 * (An IP literal in the URL skips lookups; checkPublicHost judges it before the request.)
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, list) => {
    if (error) return callback(error, '', 4);
    const addresses = list as unknown as LookupAddress[];
    const bad = addresses.find((a) => isNonPublicAddress(a.address));
    if (bad || addresses.length === 0) return callback(new AddressRefused(hostname, bad?.address ?? 'nothing'), '', 4);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
