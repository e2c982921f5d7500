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

// blockedRanges are refused unless allowed; everything else is public.
var blockedRanges = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{"100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15", "240.0.0.0/4", "64:ff9b::/96", "2001:db8::/32"} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

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
	case slices.ContainsFunc(blockedRanges, func(p netip.Prefix) bool { return p.Contains(ip) }):
		kind = "a reserved address"
	default:
		return nil
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
