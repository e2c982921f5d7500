package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strings"
	"testing"
)

func TestGuardCheckIP(t *testing.T) {
	g, err := NewGuard([]string{"10.1.0.0/16", "192.168.7.7"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ip, want string
	}{
		{"93.184.215.14", ""},
		{"2606:4700::1111", ""},
		{"127.0.0.1", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"10.0.0.5", "private"},
		{"10.1.2.3", ""}, // allowed prefix
		{"172.16.0.1", "private"},
		{"192.168.7.7", ""}, // allowed address
		{"192.168.7.8", "private"},
		{"fd00::1", "private"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"0.0.0.0", "unspecified"},
		{"224.0.0.1", "multicast"},
		{"100.64.0.1", "reserved"},
	}
	for _, tc := range tests {
		err := g.CheckIP(netip.MustParseAddr(tc.ip))
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrBlocked)) {
			t.Errorf("%s: %v, want %q", tc.ip, err, tc.want)
		}
	}
	for _, bad := range []string{"10.0.0.0/99", "not a host name", "user@host"} {
		if _, err := NewGuard([]string{bad}); err == nil {
			t.Errorf("allow-list entry %q accepted", bad)
		}
	}
}

func TestGuardCheckURL(t *testing.T) {
	g, _ := NewGuard([]string{".corp.example", "10.9.9.9"})
	tests := []struct{ url, want string }{
		{"https://example.com/news", ""},
		{"http://127.0.0.1:8080/x", "loopback"},
		{"http://[::1]/x", "loopback"},
		{"http://user:pw@127.0.0.1/x", "loopback"},
		{"http://localhost/x", "loopback name"},
		{"http://api.localhost./x", "loopback name"},
		{"http://169.254.169.254/latest/meta-data/", "link-local"},
		{"http://10.9.9.9/x", ""},
		{"http://wiki.corp.example/x", ""},
		{"file:///etc/passwd", "only http and https"},
		{"gopher://example.com/", "only http and https"},
		{"http:///x", "no host"},
	}
	for _, tc := range tests {
		err := g.CheckURL(tc.url)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: %v, want %q", tc.url, err, tc.want)
		}
	}
}

// TestGuardClient fetches through the guarded client: a server on
// 127.0.0.1 is refused at dial time, also when reached by a redirect from
// an allowed host, and reached once allowed.
func TestGuardClient(t *testing.T) {
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><article><h1>Secret</h1><p>"+strings.Repeat("Internal words here. ", 20)+"</p></article></body></html>")
	}))
	defer target.Close()
	ctx := context.Background()
	closed, _ := NewGuard(nil)
	l := &Loader{Client: closed.Client(0)}
	if _, err := l.Load(ctx, target.URL+"/page"); !errors.Is(err, ErrBlocked) && (err == nil || !strings.Contains(err.Error(), "loopback")) {
		t.Errorf("loopback fetched: %v", err)
	} else if !strings.Contains(err.Error(), "127.0.0.1 is a loopback address") {
		t.Errorf("error %q does not say why", err)
	}
	// A redirect to the loopback from a host the allow-list names by name.
	hop := httptest.NewServer(http.RedirectHandler(target.URL+"/page", http.StatusFound))
	defer hop.Close()
	byName, _ := NewGuard([]string{"localhost"})
	l = &Loader{Client: byName.Client(0)}
	hopURL := strings.Replace(hop.URL, "127.0.0.1", "localhost", 1) + "/start"
	if _, err := l.Load(ctx, hopURL); err == nil || !strings.Contains(err.Error(), "127.0.0.1 is a loopback address") {
		t.Errorf("redirect to loopback followed: %v", err)
	}
	open, _ := NewGuard([]string{"127.0.0.0/8"})
	l = &Loader{Client: open.Client(0)}
	if a, err := l.Load(ctx, target.URL+"/page"); err != nil || a.Title != "Secret" {
		t.Errorf("allowed loopback: %v %v", a.Title, err)
	}
}

// TestGuardSpecialRanges: every address of every special-purpose range
// (its first, last and middle addresses tried) is refused, in IPv4 and
// IPv6 and as IPv4-mapped IPv6; the addresses just outside a range are
// refused only when another range holds them; public addresses pass.
func TestGuardSpecialRanges(t *testing.T) {
	g, err := NewGuard(nil)
	if err != nil {
		t.Fatal(err)
	}
	special := func(ip netip.Addr) bool {
		return slices.ContainsFunc(specialRanges, func(r specialRange) bool { return r.prefix.Contains(ip.Unmap()) })
	}
	for _, r := range specialRanges {
		first := r.prefix.Masked().Addr()
		last := lastAddr(r.prefix)
		mid := first
		if host := r.prefix.Addr().BitLen() - r.prefix.Bits(); host > 0 {
			for range 1 << min(8, host-1) {
				mid = mid.Next()
			}
		}
		for _, ip := range []netip.Addr{first, mid, last} {
			if err := g.CheckIP(ip); err == nil || !errors.Is(err, ErrBlocked) {
				t.Errorf("%s (%s, %s) allowed", ip, r.name, r.prefix)
			}
			if ip.Is4() {
				if err := g.CheckIP(netip.AddrFrom16(ip.As16())); err == nil {
					t.Errorf("%s as IPv4-mapped IPv6 allowed", ip)
				}
			}
		}
		for _, ip := range []netip.Addr{first.Prev(), last.Next()} {
			if !ip.IsValid() || special(ip) {
				continue
			}
			if err := g.CheckIP(ip); err != nil {
				t.Errorf("%s, just outside %s, refused: %v", ip, r.prefix, err)
			}
		}
	}
	// Addresses named by the registries and the issue that found the gap.
	for _, s := range []string{"192.0.2.1", "198.51.100.7", "203.0.113.200", "192.88.99.1", "255.255.255.255",
		"0.1.2.3", "2001:db8::1", "3fff::1", "2002:7f00:1::", "2001::1", "100::1", "fec0::1", "::7f00:1", "64:ff9b::a00:1"} {
		if err := g.CheckIP(netip.MustParseAddr(s)); err == nil {
			t.Errorf("%s allowed", s)
		}
	}
	for _, s := range []string{"8.8.8.8", "1.1.1.1", "151.101.1.69", "2606:4700::1111", "2a00:1450:4001::200e", "2400:cb00::1"} {
		if err := g.CheckIP(netip.MustParseAddr(s)); err != nil {
			t.Errorf("public %s refused: %v", s, err)
		}
	}
	// The allow-list still opens a special range on purpose.
	open, _ := NewGuard([]string{"192.0.2.0/24"})
	if err := open.CheckIP(netip.MustParseAddr("192.0.2.10")); err != nil {
		t.Errorf("allowed prefix refused: %v", err)
	}
}

// lastAddr is the highest address of p.
func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Masked().Addr().AsSlice()
	for i := p.Bits(); i < len(b)*8; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}
