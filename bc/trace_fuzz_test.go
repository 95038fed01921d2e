package bc

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzTraceRedaction: whatever a token looks like, once it is the value of
// a credential field in a response, neither it nor its JSON spelling is
// left anywhere in the trace entry (the same answer, or a later one that
// repeats it), and e-mail addresses never survive.
func FuzzTraceRedaction(f *testing.F) {
	f.Add("eyJhbGciOiJIUzI1NiJ9.eyJ1cG4iOiJhQGIuY29tIn0.c2ln", "anna@contoso.com")
	f.Add("1.bcsim.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "x.y+tag@sub.example.org")
	f.Add(`tok"with\quotes/and<html>`, "o'brien@example.co.uk")
	f.Add("0.AAAA-refresh_token-with=padding==", "")
	f.Fuzz(func(t *testing.T, token, email string) {
		tr := &Tracer{}
		body, _ := json.Marshal(map[string]string{"token_type": "Bearer", "access_token": token, "refresh_token": token + "r"})
		later, _ := json.Marshal(map[string]string{"echo": token, "contact": email})
		out := tr.redactText(tr.redactBody(body)) + tr.redactText(tr.redactBody(later))
		quoted, _ := json.Marshal(token)
		spelled := strings.Trim(string(quoted), `"`)
		template := `{"access_token":"","refresh_token":"r","token_type":"Bearer"}{"contact":"","echo":""}[removed]`
		if len(token) >= 8 && !strings.Contains(template, spelled) && !strings.Contains(template, token) &&
			(strings.Contains(out, spelled) || strings.Contains(out, token)) {
			t.Fatalf("token %q survived: %s", token, out)
		}
		if emailRE.MatchString(out) {
			t.Fatalf("an e-mail address survived: %s", out)
		}
	})
}
