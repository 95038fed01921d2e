package failure

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestKindDecidesTheExitCode(t *testing.T) {
	cases := []struct {
		kind  Kind
		admin bool
		exit  int
	}{
		{KindInput, false, 2},
		{KindCredentials, true, 3}, {KindConsent, true, 3}, {KindPermission, true, 3}, {KindNotFound, true, 3}, {KindSignIn, true, 3},
		{KindThrottled, false, 1}, {KindServer, false, 1}, {KindNetwork, false, 1}, {KindCanceled, false, 1},
		{KindProtocol, false, 1}, {KindData, false, 1}, {"", false, 1},
	}
	for _, c := range cases {
		if c.kind.NeedsAdmin() != c.admin || c.kind.ExitCode() != c.exit {
			t.Errorf("%q: admin %v exit %d; want %v %d", c.kind, c.kind.NeedsAdmin(), c.kind.ExitCode(), c.admin, c.exit)
		}
		err := fmt.Errorf("wrapped: %w", &Error{Kind: c.kind, Message: "m"})
		if KindOf(err) != c.kind || ExitCode(err) != c.exit {
			t.Errorf("%q wrapped: kind %q exit %d", c.kind, KindOf(err), ExitCode(err))
		}
	}
	if ExitCode(nil) != 0 || ExitCode(errors.New("plain")) != 1 || KindOf(errors.New("plain")) != "" {
		t.Error("nil must be 0 and an error without a kind 1")
	}
}

func TestInputCarriesTheRemedy(t *testing.T) {
	err := fmt.Errorf("ctx: %w", Input("--until is before --since", "swap the two dates"))
	if ExitCode(err) != 2 || Remedy(err) != "swap the two dates" || err.Error() != "ctx: --until is before --since" {
		t.Fatalf("got %v, exit %d, remedy %q", err, ExitCode(err), Remedy(err))
	}
}

func TestSupportQuotesOnlyWhatLooksLikeAnID(t *testing.T) {
	cases := []struct {
		corr, req, want string
	}{
		{"c0ffee00-0000-0000-0000-000000000000", "", "correlation id c0ffee00-0000-0000-0000-000000000000"},
		{"", "r-1", "request id r-1"},
		{"c-1", "r-1", "correlation id c-1, request id r-1"},
		{"\x1b[31mred", "", ""},
		{strings.Repeat("a", 65), "", ""},
	}
	for _, c := range cases {
		err := fmt.Errorf("x: %w", &Error{Kind: KindServer, CorrelationID: c.corr, RequestID: c.req})
		if got := Support(err); got != c.want {
			t.Errorf("Support(%q, %q) = %q; want %q", c.corr, c.req, got, c.want)
		}
	}
}

func TestErrorNamesItsCodeOnce(t *testing.T) {
	if got := (&Error{Message: "The client secret has expired", Code: "AADSTS7000222"}).Error(); got != "The client secret has expired (AADSTS7000222)" {
		t.Errorf("got %q", got)
	}
	if got := (&Error{Message: "Entra said AADSTS7000222", Code: "AADSTS7000222"}).Error(); got != "Entra said AADSTS7000222" {
		t.Errorf("got %q", got)
	}
	if !(&Error{Code: "AADSTS7000222"}).SecretExpired() || (&Error{Code: "AADSTS7000215"}).SecretExpired() {
		t.Error("SecretExpired must follow Entra's code")
	}
}
