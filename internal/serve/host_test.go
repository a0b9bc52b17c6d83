package serve_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/zzia/press/internal/serve"
)

// TestHostCheck: a page fetched under another name than the preview's own
// (a DNS rebinding attack: the attacker's domain resolving to 127.0.0.1)
// is refused, the site, the reload script and the event stream alike.
func TestHostCheck(t *testing.T) {
	s := serve.New(serve.Options{Source: t.TempDir()})
	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:1313", true},
		{"localhost:1313", true},
		{"LOCALHOST", true},
		{"preview.localhost:1313", true},
		{"[::1]:1313", true},
		{"192.168.1.20:1313", true},
		{"rebind.attacker.example:1313", false},
		{"rebind.attacker.example", false},
		{"localhost.attacker.example:1313", false},
		{"127.0.0.1.nip.io:1313", false},
		{"", false},
	} {
		for _, path := range []string{"/", "/__press/reload.js", "/__press/events"} {
			// The event stream lasts as long as the request: give it one
			// that ends at once.
			ctx, cancel := context.WithCancel(context.Background())
			if path == "/__press/events" {
				cancel()
			}
			req := httptest.NewRequest("GET", "http://x"+path, nil).WithContext(ctx)
			req.Host = tc.host
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			cancel()
			if refused := rec.Code == http.StatusForbidden; refused == tc.ok {
				t.Errorf("Host %q, %s: status %d", tc.host, path, rec.Code)
			}
		}
	}
}
