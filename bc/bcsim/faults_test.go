package bcsim

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestFaults(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1})
	tok := appToken(t, srv, ClientID, ClientSecret)
	c := tn.Companies()[0]
	u := root(srv) + "/companies(" + c.ID + ")/vendors"

	tn.SetFaults(Faults{Rate429: 1, RetryAfter: 1500 * time.Millisecond})
	resp, b := get(t, tok, u, 0)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "2" || !strings.Contains(string(b), "Application_TooManyRequests") {
		t.Fatalf("429: %d %v %s", resp.StatusCode, resp.Header, b)
	}
	tn.SetFaults(Faults{Rate503: 1, RetryAfter: time.Second})
	if resp, _ := get(t, tok, u, 0); resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "1" {
		t.Fatalf("503: %d", resp.StatusCode)
	}
	tn.SetFaults(Faults{DropRate: 1})
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		_, rerr := io.ReadAll(resp.Body)
		resp.Body.Close()
		if rerr == nil {
			t.Fatalf("drop: got a whole response %d", resp.StatusCode)
		}
	}

	// Every: deterministic, every third request.
	tn.SetFaults(Faults{Every: 3, Rate503: 0.0001})
	var codes []int
	for i := 0; i < 6; i++ {
		resp, _ := get(t, tok, u, 0)
		codes = append(codes, resp.StatusCode)
	}
	if codes[2] != 503 || codes[5] != 503 || codes[0] != 200 || codes[1] != 200 || codes[3] != 200 {
		t.Fatalf("Every: %v", codes)
	}

	tn.SetFaults(Faults{FailCompany: c.ID})
	if resp, _ := get(t, tok, u, 0); resp.StatusCode != 500 {
		t.Fatalf("FailCompany: %d", resp.StatusCode)
	}
	if resp, _ := get(t, tok, root(srv)+"/companies("+tn.Companies()[1].ID+")/vendors", 0); resp.StatusCode != 200 {
		t.Fatalf("other company: %d", resp.StatusCode)
	}

	tn.SetFaults(Faults{RevokePermission: true})
	if resp, b := get(t, tok, root(srv)+"/companies("+c.ID+")/purchaseInvoices", 0); resp.StatusCode != 403 || !strings.Contains(string(b), "current permissions prevented the action") {
		t.Fatalf("RevokePermission: %d %s", resp.StatusCode, b)
	}
	if resp, _ := get(t, tok, u, 0); resp.StatusCode != 200 {
		t.Fatalf("vendors with RevokePermission: %d", resp.StatusCode)
	}
	tn.SetFaults(Faults{RefuseUsers: true})
	users := srv.APIURL() + "/v2.0/" + TenantID + "/" + Environment + "/api/microsoft/automation/v2.0/companies(" + c.ID + ")/users"
	if resp, _ := get(t, tok, users, 0); resp.StatusCode != 403 {
		t.Fatalf("RefuseUsers: %d", resp.StatusCode)
	}
	tn.SetFaults(Faults{})
	if resp, _ := get(t, tok, users, 0); resp.StatusCode != 200 {
		t.Fatalf("healthy again: %d", resp.StatusCode)
	}
	if s := tn.Stats(); s.Faults != 5 || s.Paths["vendors"] < 10 {
		t.Fatalf("stats: %+v", s)
	}
}

func TestRandomRatesAndMaxInFlight(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1, Latency: 30 * time.Millisecond})
	tok := appToken(t, srv, ClientID, ClientSecret)
	u := root(srv) + "/companies"
	tn.SetFaults(Faults{Rate429: 0.3})
	tn.ResetStats()
	var wg sync.WaitGroup
	var mu sync.Mutex
	n429 := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				req, _ := http.NewRequest(http.MethodGet, u, nil)
				req.Header.Set("Authorization", "Bearer "+tok)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				if resp.StatusCode == 429 {
					mu.Lock()
					n429++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	s := tn.Stats()
	if s.Requests != 80 || s.MaxInFlight < 6 || s.MaxInFlight > 8 || s.InFlight != 0 {
		t.Fatalf("stats: %+v", s)
	}
	if n429 < 8 || n429 > 45 || int64(n429) != s.Faults {
		t.Fatalf("429s: %d of 80 (stats %d)", n429, s.Faults)
	}
}

func TestLatencyAndStats(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1, Latency: 50 * time.Millisecond, InvoicesPerMonth: 3})
	tok := appToken(t, srv, ClientID, ClientSecret)
	tn.ResetStats()
	began := time.Now()
	resp, _ := get(t, tok, root(srv)+"/companies", 0)
	if resp.StatusCode != 200 || time.Since(began) < 50*time.Millisecond {
		t.Fatalf("latency not applied: %d after %v", resp.StatusCode, time.Since(began))
	}
	s := tn.Stats()
	if s.Requests != 1 || s.Paths["companies"] != 1 || s.MaxInFlight != 1 || s.InFlight != 0 || s.TokensIssued != 0 {
		t.Fatalf("stats after reset: %+v", s)
	}
}

func TestDeviceLoginPage(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1, DeviceApproveAfter: 100})
	dc, uc := deviceStart(t, srv, PublicClientID)
	resp, err := http.Get(srv.URL() + "/entra/devicelogin?user_code=" + uc)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("devicelogin: %d", resp.StatusCode)
	}
	if st, tr := poll(t, srv, PublicClientID, "", dc); st != 200 || tr.AccessToken == "" {
		t.Fatalf("after page approval: %d %+v", st, tr)
	}
	_ = tn
}
