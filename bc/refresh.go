package bc

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/bcspend/bcspend/failure"
)

// refreshGrant redeems a refresh token, naming the original scopes.
// x/oauth2's refresher sends no scope, and Entra may then issue a narrowed
// token that Business Central refuses (MSAL always sends it).
func (c Credentials) refreshGrant(ctx context.Context, refresh string, withSecret bool) (*oauth2.Token, error) {
	v := url.Values{"grant_type": {"refresh_token"}, "client_id": {c.ClientID}, "refresh_token": {refresh},
		"scope": {strings.Join(DelegatedScopes, " ")}}
	if withSecret {
		v.Set("client_secret", c.ClientSecret)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Endpoint().TokenURL, strings.NewReader(v.Encode()))
	if err != nil {
		return nil, &failure.Error{Kind: failure.KindInput, Message: "Bad authority URL", Fix: "Check --authority-url.", Err: err}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := c.httpClient().Do(req)
	if err != nil {
		return nil, classifyTransport(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, classifyTransport(err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, classifyEntra(resp.StatusCode, body)
	}
	var tr struct {
		AccessToken  string `json:"access_token"`
		TokenType    string `json:"token_type"`
		RefreshToken string `json:"refresh_token"`
		ExpiresIn    int64  `json:"expires_in"`
	}
	if err := json.Unmarshal(body, &tr); err != nil || tr.AccessToken == "" {
		return nil, &failure.Error{Kind: failure.KindProtocol, Status: resp.StatusCode, Message: "Entra answered the token refresh without an access token",
			Fix: "Check the authority URL (--authority-url); it should be https://login.microsoftonline.com."}
	}
	tok := &oauth2.Token{AccessToken: tr.AccessToken, TokenType: tr.TokenType, RefreshToken: tr.RefreshToken}
	if tr.ExpiresIn > 0 {
		tok.Expiry = time.Now().Add(time.Duration(tr.ExpiresIn) * time.Second)
	}
	return tok, nil
}
