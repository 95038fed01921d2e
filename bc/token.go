package bc

import (
	"encoding/base64"
	"encoding/json"
	"strings"
)

// TokenClaims are the access-token claims bcspend reads, without verifying
// the signature: they only explain a refusal, they never grant anything.
type TokenClaims struct {
	Audience string   `json:"aud"`
	TenantID string   `json:"tid"`
	AppID    string   `json:"appid"`
	Roles    []string `json:"roles"`
	Scope    string   `json:"scp"`
	Name     string   `json:"name"`
	UPN      string   `json:"upn"`
	Expiry   int64    `json:"exp"`
}

// ParseClaims decodes the payload of a JWT access token. It returns nil for
// anything that is not a JWT (Entra may issue opaque tokens).
func ParseClaims(token string) *TokenClaims {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return nil
	}
	var c TokenClaims
	if json.Unmarshal(raw, &c) != nil {
		return nil
	}
	return &c
}
