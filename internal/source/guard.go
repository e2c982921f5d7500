package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Guard keeps fetching away from addresses a server must not be tricked
// into reaching (SSRF): loopback, private networks, link-local (cloud
// metadata at 169.254.169.254), carrier-grade NAT, multicast and
// unspecified addresses — unless the allow-list names them. It checks the
// address actually dialled, after DNS, so a name that resolves to a
// private address (or changes its answer between checks) is caught, and
// every redirect is dialled through it too.
type Guard struct {
	prefixes []netip.Prefix
	hosts    []string
}

// ErrBlocked is returned for a fetch the guard refused.
var ErrBlocked = errors.New("address not allowed")

// blockedError says which address was refused and why; it matches
// ErrBlocked.
type blockedError struct{ what, kind string }

func (e *blockedError) Error() string {
	return fmt.Sprintf("%v: %s is %s (add it to the fetch allow-list to reach it)", ErrBlocked, e.what, e.kind)
}

func (e *blockedError) Unwrap() error { return ErrBlocked }

// NewGuard builds a guard allowing, besides public addresses, each entry of
// allow: an IP address, a CIDR prefix (10.0.0.0/8) or a host name (exact,
// or a suffix starting with a dot: .internal.example.com).
func NewGuard(allow []string) (*Guard, error) {
	g := &Guard{}
	for _, a := range allow {
		a = strings.TrimSpace(a)
		switch {
		case a == "":
		case strings.Contains(a, "/"):
			p, err := netip.ParsePrefix(a)
			if err != nil {
				return nil, fmt.Errorf("allow-list entry %q: %w", a, err)
			}
			g.prefixes = append(g.prefixes, p.Masked())
		default:
			if ip, err := netip.ParseAddr(a); err == nil {
				g.prefixes = append(g.prefixes, netip.PrefixFrom(ip, ip.BitLen()))
				continue
			}
			if strings.ContainsAny(a, " :@?#") {
				return nil, fmt.Errorf("allow-list entry %q: not an address, prefix or host name", a)
			}
			g.hosts = append(g.hosts, strings.ToLower(a))
		}
	}
	return g, nil
}

// specialRanges are the IANA special-purpose address registries (IPv4
// and IPv6, as of 2026) plus the multicast and deprecated site-local
// blocks: none of them is where a newsroom publishes an article, and
// several reach a machine's own network or services. Each is refused
// unless the allow-list names it. The names are the registries'.
var specialRanges = func() []specialRange {
	var out []specialRange
	for _, r := range [][2]string{
		{"0.0.0.0/8", "this-network"},
		{"10.0.0.0/8", "private-use"},
		{"100.64.0.0/10", "shared address space"},
		{"127.0.0.0/8", "loopback"},
		{"169.254.0.0/16", "link-local"},
		{"172.16.0.0/12", "private-use"},
		{"192.0.0.0/24", "IETF protocol assignments"},
		{"192.0.2.0/24", "documentation (TEST-NET-1)"},
		{"192.31.196.0/24", "AS112-v4"},
		{"192.52.193.0/24", "AMT"},
		{"192.88.99.0/24", "deprecated 6to4 relay anycast"},
		{"192.168.0.0/16", "private-use"},
		{"192.175.48.0/24", "direct delegation AS112"},
		{"198.18.0.0/15", "benchmarking"},
		{"198.51.100.0/24", "documentation (TEST-NET-2)"},
		{"203.0.113.0/24", "documentation (TEST-NET-3)"},
		{"224.0.0.0/4", "multicast"},
		{"240.0.0.0/4", "reserved"},
		{"255.255.255.255/32", "limited broadcast"},
		{"::/128", "unspecified"},
		{"::1/128", "loopback"},
		{"::/96", "deprecated IPv4-compatible"},
		{"64:ff9b::/96", "IPv4-IPv6 translation"},
		{"64:ff9b:1::/48", "local-use IPv4-IPv6 translation"},
		{"100::/64", "discard-only"},
		{"100:0:0:1::/64", "dummy IPv6 prefix"},
		{"2001::/23", "IETF protocol assignments"},
		{"2001:db8::/32", "documentation"},
		{"2002::/16", "6to4"},
		{"2620:4f:8000::/48", "direct delegation AS112"},
		{"3fff::/20", "documentation"},
		{"5f00::/16", "segment routing (SRv6) SIDs"},
		{"fc00::/7", "unique-local"},
		{"fe80::/10", "link-local"},
		{"fec0::/10", "deprecated site-local"},
		{"ff00::/8", "multicast"},
	} {
		out = append(out, specialRange{netip.MustParsePrefix(r[0]), r[1]})
	}
	return out
}()

type specialRange struct {
	prefix netip.Prefix
	name   string
}

// CheckIP says why ip may not be fetched, or nil.
func (g *Guard) CheckIP(ip netip.Addr) error {
	ip = ip.Unmap()
	for _, p := range g.prefixes {
		if p.Contains(ip) {
			return nil
		}
	}
	var kind string
	switch {
	case ip.IsLoopback():
		kind = "a loopback address"
	case ip.IsPrivate():
		kind = "a private address"
	case ip.IsMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsLinkLocalMulticast():
		kind = "a multicast address"
	case ip.IsLinkLocalUnicast():
		kind = "a link-local address"
	case ip.IsUnspecified():
		kind = "the unspecified address"
	default:
		i := slices.IndexFunc(specialRanges, func(r specialRange) bool { return r.prefix.Contains(ip) })
		if i < 0 {
			return nil
		}
		r := specialRanges[i]
		kind = fmt.Sprintf("a reserved address (%s, %s)", r.name, r.prefix)
	}
	return &blockedError{ip.String(), kind}
}

func (g *Guard) hostAllowed(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, h := range g.hosts {
		if host == h || (strings.HasPrefix(h, ".") && strings.HasSuffix(host, h)) {
			return true
		}
	}
	return false
}

// CheckURL refuses early what is certain to be refused at dial time: a URL
// that is not http(s), or whose host is a blocked IP literal or localhost.
func (g *Guard) CheckURL(u string) error {
	if !IsURL(u) {
		return fmt.Errorf("%q: only http and https URLs can be fetched", u)
	}
	rest := u[strings.Index(u, "//")+2:]
	host := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		host = rest[:i]
	}
	if i := strings.LastIndex(host, "@"); i >= 0 {
		host = host[i+1:]
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if host == "" {
		return fmt.Errorf("%q: no host", u)
	}
	if g.hostAllowed(host) {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return g.CheckIP(ip)
	}
	if l := strings.ToLower(strings.TrimSuffix(host, ".")); l == "localhost" || strings.HasSuffix(l, ".localhost") {
		return &blockedError{host, "a loopback name"}
	}
	return nil
}

// Client is an HTTP client whose every connection, redirects included,
// goes through the guard.
func (g *Guard) Client(timeout time.Duration) *http.Client {
	checked := &net.Dialer{Timeout: 10 * time.Second, Control: func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("%w: %s", ErrBlocked, address)
		}
		return g.CheckIP(ap.Addr())
	}}
	plain := &net.Dialer{Timeout: 10 * time.Second}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil // a proxy would dial for us, unguarded
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err == nil && g.hostAllowed(host) {
			return plain.DialContext(ctx, network, addr)
		}
		return checked.DialContext(ctx, network, addr)
	}
	return &http.Client{Timeout: timeout, Transport: tr}
}
