package bcsim

import (
	"strings"

	"github.com/bcspend/bcspend/bc"
)

// users generates the environment's users: people with the email quirks
// real tenants have (missing, mixed case, stray whitespace), disabled and
// expired accounts, and application users without any email.
func (g *generator) users() []*bc.User {
	var us []*bc.User
	add := func(u bc.User) {
		u.UserSecurityID = newGUID(g.r)
		if g.pre25 {
			u.ContactEmail = nil
		}
		us = append(us, &u)
	}
	str := func(s string) *string { return &s }
	for i := 0; i < 118; i++ {
		f, l := firstNames[i%len(firstNames)], lastNames[(i*7+i/len(firstNames))%len(lastNames)]
		login := strings.ToLower(asciiFold(f) + "." + asciiFold(l))
		if i >= len(firstNames)*2 {
			login += itoa(int64(i))
		}
		email := login + "@cronus-demo.com"
		switch g.r.IntN(20) {
		case 0, 1:
			email = ""
		case 2, 3:
			email = strings.ToUpper(email[:1]) + email[1:len(login)] + "@Cronus-Demo.COM"
		case 4:
			email = "  " + email + " "
		case 5:
			email = "\t" + strings.ToUpper(email)
		}
		u := bc.User{UserName: strings.ToUpper(login), DisplayName: f + " " + l, State: bc.UserEnabled, ContactEmail: str(email)}
		if g.r.IntN(6) == 0 {
			u.State = bc.UserDisabled
			if g.r.IntN(2) == 0 {
				u.ExpiryDate = g.today.AddDate(0, -g.r.IntN(12), -g.r.IntN(28))
			}
		}
		add(u)
	}
	add(bc.User{UserName: "AAD APP: BCSPEND", DisplayName: "AAD App: bcspend", State: bc.UserEnabled, ContactEmail: str("")})
	add(bc.User{UserName: "AAD APP: POWER BI CONNECTOR", DisplayName: "AAD App: Power BI Connector", State: bc.UserEnabled, ContactEmail: str("")})
	add(bc.User{UserName: "SALES ORDER AGENT", DisplayName: "Sales Order Agent", State: bc.UserDisabled, ContactEmail: str("")})
	add(bc.User{UserName: "ADMIN", DisplayName: "Admin \x1b[1mBold\x1b[0m", State: bc.UserEnabled, ContactEmail: str("admin@cronus-demo.onmicrosoft.com")})
	sortByID(us, func(u *bc.User) string { return u.UserSecurityID })
	return us
}

// asciiFold makes a login from a name with diacritics.
func asciiFold(s string) string {
	r := strings.NewReplacer("ø", "o", "Ø", "O", "é", "e", "á", "a", "ó", "o", "'", "")
	return r.Replace(s)
}
