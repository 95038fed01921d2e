package syncer

import (
	"context"
)

// userResult is the users part of a run: a summary when they were stored,
// a warning when BC refused them. Users never fail the invoice sync: spend
// works without them, only the per-person views wait.
type userResult struct {
	summary *UsersSummary
	warning *Problem
	legacy  bool
}

// users fetches the environment's users once (through the first company:
// the list is the same for all) and makes the store match it; users gone
// from BC are kept, marked removed.
func (r *runner) users(ctx context.Context) userResult {
	res, err := r.client.Users(ctx, r.conn.Companies[0].ID)
	if err == nil {
		var counts UsersSummary
		c, serr := r.db.ReplaceConnectionUsers(r.conn.ID, res.Users, r.opt.Now())
		if serr == nil {
			counts = UsersSummary{Total: c.Total, Active: c.Active, MissingEmail: c.MissingEmail, New: c.New,
				Removed: c.Removed, LegacyNoEmail: res.LegacyNoEmail}
			return userResult{summary: &counts, legacy: res.LegacyNoEmail}
		}
		err = serr
	}
	if ctx.Err() != nil {
		return userResult{} // the run is canceled; that says it all
	}
	w := problemOf(err)
	w.Message = "Users were not synced: " + w.Message
	return userResult{warning: w}
}
