package bcsim

import (
	"errors"
	"net"
	"net/http"
	"strings"
	"time"
)

// Server is a running simulated tenant on loopback.
type Server struct {
	t   *Tenant
	ln  net.Listener
	srv *http.Server
	url string
}

// Start serves the tenant on addr ("127.0.0.1:0" picks a free port).
func (t *Tenant) Start(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Server{t: t, ln: ln, url: "http://" + dialable(ln.Addr())}
	s.srv = &http.Server{Handler: t, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			_ = err // the listener closed under us: nothing to report to
		}
	}()
	return s, nil
}

// Close stops the server and drops open connections.
func (s *Server) Close() error { return s.srv.Close() }

// URL is the server root, e.g. http://127.0.0.1:41234.
func (s *Server) URL() string { return s.url }

// AuthorityURL stands in for https://login.microsoftonline.com.
func (s *Server) AuthorityURL() string { return s.url + "/entra" }

// APIURL stands in for https://api.businesscentral.dynamics.com.
func (s *Server) APIURL() string { return s.url + "/bc" }

// Tenant is the tenant the server serves.
func (s *Server) Tenant() *Tenant { return s.t }

// ServeHTTP routes to Entra or BC; a Tenant is usable with httptest too
// (then the roots are /entra and /bc of the test server).
func (t *Tenant) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	t.recordHeaders(r)
	switch {
	case strings.HasPrefix(p, "/entra/"):
		t.serveEntra(w, r, strings.TrimPrefix(p, "/entra/"))
	case strings.HasPrefix(p, "/bc/"):
		t.serveAPI(w, r, strings.TrimPrefix(p, "/bc/"))
	default:
		http.NotFound(w, r)
	}
}

// dialable turns a wildcard listen address (":8080", "[::]:8080") into one
// a client can reach, so URL() works for `bcspend simulate --addr :8080`.
func dialable(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}
