package insights

import (
	"fmt"

	"github.com/bcspend/bcspend/spend"
)

// Users sums up BC's users: people who can sign in, who cannot, and who
// lack the contact email bcspend needs to reach them. Application and agent
// users are counted apart: they have no email by design.
type Users struct {
	Total        int      `json:"total"` // removed users excluded
	Active       int      `json:"active"`
	Disabled     int      `json:"disabled"`
	Applications int      `json:"applications"`
	Removed      int      `json:"removed"`
	MissingEmail []string `json:"missing_email"` // user names of active people without a contact email
	Message      string   `json:"message"`
}

func users(rows []spend.UserRow) Users {
	var u Users
	for _, r := range rows {
		switch {
		case r.Removed:
			u.Removed++
			continue
		case r.Application:
			u.Applications++
		case r.Active:
			u.Active++
			if r.MissingEmail {
				u.MissingEmail = append(u.MissingEmail, r.UserName)
			}
		default:
			u.Disabled++
		}
		u.Total++
	}
	u.Message = fmt.Sprintf("%d active, %d disabled, %d application users; %d active without a contact email",
		u.Active, u.Disabled, u.Applications, len(u.MissingEmail))
	return u
}
