package bcsim

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
)

// Access tokens are JWT-shaped (HS256 with a per-tenant key) so clients
// that peek at claims (exp, roles, scp) see what Entra would send.

// Resource is BC's application ID URI, the audience of its tokens.
const Resource = "https://api.businesscentral.dynamics.com"

// GraphResource is another audience; tokens for it are rejected by BC.
const GraphResource = "https://graph.microsoft.com"

type claims struct {
	Aud   string   `json:"aud"`
	Iss   string   `json:"iss"`
	Iat   int64    `json:"iat"`
	Nbf   int64    `json:"nbf"`
	Exp   int64    `json:"exp"`
	Tid   string   `json:"tid"`
	AppID string   `json:"appid"`
	Azp   string   `json:"azp"`
	Oid   string   `json:"oid"`
	Roles []string `json:"roles,omitempty"`
	Scp   string   `json:"scp,omitempty"`
	Upn   string   `json:"upn,omitempty"`
	Name  string   `json:"name,omitempty"`
	Ver   string   `json:"ver"`
	Jti   string   `json:"uti"`
}

var b64 = base64.RawURLEncoding

func (t *Tenant) sign(c claims) string {
	h := b64.EncodeToString([]byte(`{"typ":"JWT","alg":"HS256","kid":"bcsim"}`))
	body, _ := json.Marshal(c)
	s := h + "." + b64.EncodeToString(body)
	m := hmac.New(sha256.New, t.key)
	m.Write([]byte(s))
	return s + "." + b64.EncodeToString(m.Sum(nil))
}

var (
	errBadToken     = errors.New("malformed or forged token")
	errExpiredToken = errors.New("token expired")
)

// verify checks signature and lifetime against the tenant clock, the one
// that issued the token: a test expires a token by advancing it. The client
// renews by its own clock from expires_in, so an advanced tenant answers a
// token the client still trusts with 401 "expired", which a client must
// handle anyway (clock skew, revocation).
func (t *Tenant) verify(tok string) (claims, error) {
	var c claims
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return c, errBadToken
	}
	m := hmac.New(sha256.New, t.key)
	m.Write([]byte(parts[0] + "." + parts[1]))
	sig, err := b64.DecodeString(parts[2])
	if err != nil || !hmac.Equal(sig, m.Sum(nil)) {
		return c, errBadToken
	}
	body, err := b64.DecodeString(parts[1])
	if err != nil || json.Unmarshal(body, &c) != nil {
		return c, errBadToken
	}
	if t.Now().Unix() >= c.Exp {
		return c, errExpiredToken
	}
	return c, nil
}
