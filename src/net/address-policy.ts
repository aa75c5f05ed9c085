import ipaddr from 'ipaddr.js';

/**
 * Whether an address may be the target of a server-side request. Only ordinary public
 * unicast passes: ipaddr.js names every special range (loopback, private, link-local,
 * CGNAT, multicast, unspecified, broadcast, reserved, benchmarking, documentation, 6to4,
 * Teredo, NAT64, unique-local…) and anything named is refused. An IPv4-mapped IPv6 address
 * (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries.
 *
 * @example forbiddenRange('127.0.0.1') // 'loopback'
 * @example forbiddenRange('93.184.216.34') // null
 */
export function forbiddenRange(address: string): string | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // Only canonical literals are accepted here: the URL parser and the resolver both produce
  // them, so a spelling ipaddr.js would read differently from the socket layer never gets in.
  if (!ipaddr.isValid(bare) || !(ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare))) return 'unparsable';
  let parsed: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}
